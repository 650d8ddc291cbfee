import assert from 'node:assert/strict';
import { jsonDepthExceeds, jsonHasUnstorableText } from './json-body.js';

const b = (s: string) => Buffer.from(s, 'utf8');

describe('JSON bodies', () => {
  it('refuses U+0000 and unpaired surrogates PostgreSQL cannot store, as escapes in keys or values', () => {
    for (const bad of ['{"a":"x\\u0000y"}', '{"a\\u0000":1}', '{"a":"\\ud800"}', '{"a":"\\ud800x"}', '{"a":"\\udc00"}', '["\\uD83D\\u0041"]', '{"a":"\\ud800\\n"}'])
      assert.equal(jsonHasUnstorableText(b(bad)), true, bad);
  });

  it('keeps every text PostgreSQL stores: paired surrogates, escaped quotes and backslashes, raw UTF-8', () => {
    for (const good of ['{"a":"\\ud83d\\ude00"}', '{"a":"😀 Jalan Merdeka"}', '{"a":"\\\\u0000"}', '{"a":"say \\"\\\\\\""}', '{"a":"\\u0041\\u00e9"}', '{"u0000":"\\/"}', '{}'])
      assert.equal(jsonHasUnstorableText(b(good)), false, good);
  });

  it('counts depth outside strings only', () => {
    assert.equal(jsonDepthExceeds(b('[[[]]]'), 2), true);
    assert.equal(jsonDepthExceeds(b('["[[[[["]'), 2), false);
  });
});
