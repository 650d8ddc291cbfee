import { userInfo } from 'node:os';

export const os = {
  user(): string {
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  },
};
