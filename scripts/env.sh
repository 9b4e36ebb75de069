# Sourced by the scripts: puts the pinned tools first on PATH (wasm-opt comes from npm's
# binaryen, which Trunk accepts; Debian's is too old for this Rust's wasm).
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo_root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
