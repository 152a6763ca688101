#!/usr/bin/env bash
# Runs every test of the project. Installs what is missing first:
# Debian's chromium (browser tests) and the npm packages of the benchmarks.
# Usage: scripts/test.sh [--no-install] [--no-bench]
set -uo pipefail
cd "$(dirname "$0")/.."

install=1 bench=1
for a in "$@"; do
	case "$a" in
	--no-install) install=0 ;;
	--no-bench) bench=0 ;;
	*) echo "usage: scripts/test.sh [--no-install] [--no-bench]" >&2; exit 2 ;;
	esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$install" = 1 ]; then
	# chromium for the browser tests; DejaVu Sans, a font with kerning and
	# glyph substitution, for the text-measurement and subsetting tests.
	pkgs=()
	command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || pkgs+=(fonts-dejavu-core)
	if [ "${#pkgs[@]}" -gt 0 ]; then
		echo "== installing ${pkgs[*]} (Debian packages)"
		as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${pkgs[@]}" >/dev/null || {
			echo "could not install ${pkgs[*]}" >&2; exit 1; }
	fi
	for d in bench/reactivity bench/ui bench/layout; do
		if [ -f "$d/package-lock.json" ] && [ ! -d "$d/node_modules" ]; then
			echo "== npm ci in $d"
			(cd "$d" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $d" >&2; exit 1; }
		fi
	done
fi

passed=0 failed=0 failures=()
step() {
	local name=$1; shift
	echo "== $name"
	local start=$SECONDS
	if "$@"; then
		passed=$((passed + 1)); echo "-- $name: ok ($((SECONDS - start))s)"
	else
		failed=$((failed + 1)); failures+=("$name"); echo "-- $name: FAILED ($((SECONDS - start))s)"
	fi
}

gofmt_clean() {
	local out; out=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './bench/*/node_modules/*'))
	[ -z "$out" ] || { echo "gofmt needed on:"; echo "$out"; return 1; }
}

fuzz_findings=()
fuzz_short() {
	# Each fuzz target explores for a short fixed time. The inputs it has
	# already found (testdata/fuzz) run as regression tests in `go test`
	# above, which fails on any of them. What this short exploration finds
	# anew depends on chance, so it is reported loudly here, with the input,
	# to be fixed and checked in as a regression case, but does not fail the
	# run: a test run must not pass or fail by luck.
	local pkg target
	while read -r pkg target; do
		[ -n "$pkg" ] || continue
		if ! go test -run='^$' -fuzz="^${target}\$" -fuzztime="${FUZZTIME:-10s}" "$pkg"; then
			fuzz_findings+=("$pkg $target")
			echo "!! fuzz: $target in $pkg found a failing input (printed above): fix it and add it to $pkg/testdata/fuzz/$target"
		fi
	done < <(git grep -l '^func Fuzz' -- '*_test.go' | while read -r f; do
		d="./$(dirname "$f")"
		grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | sed "s|^|$d |"
	done)
	return 0
}

step "gofmt" gofmt_clean
step "go vet" go vet ./...
step "go test" go test -count=1 -timeout 20m ./...
step "node --test (runtime)" node --test internal/runtime/
step "fuzz (short)" fuzz_short
if [ "$bench" = 1 ]; then
	mkdir -p bench/results
	step "jepsh bench --quick" go run ./cmd/jepsh bench --quick --require ui,reactivity,compiler,layout --md bench/results/quick.md --json bench/results/quick.json
fi

echo
if [ "${#fuzz_findings[@]}" -gt 0 ]; then
	echo "fuzz findings (not fatal, see above): ${fuzz_findings[*]}"
fi
if [ "$failed" -gt 0 ]; then
	echo "failed steps: ${failures[*]}"
fi
echo "steps: $passed passed, $failed failed"
[ "$failed" = 0 ]
