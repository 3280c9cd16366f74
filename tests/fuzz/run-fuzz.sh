#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the fuzz targets of tests/fuzz/ with clang-14, libFuzzer, ASan and
# UBSan, in a build directory of their own (the project's is gcc, and only
# the core library and the targets are compiled), then runs each target for
# a bounded time in a fresh scratch folder. Fails on any crash, leak,
# timeout, out-of-memory or sanitizer report, and prints where the input
# that caused it was saved. Exits 77 (skipped) without clang-14 or its
# fuzzer runtime (libclang-rt-14-dev).
#
# `meson test` runs it as the 'fuzz' suite, FUZZ_SECONDS=30 per target.
#
# Running it locally for longer:
#
#   tests/fuzz/run-fuzz.sh                               # 30 s per target
#   FUZZ_SECONDS=600 tests/fuzz/run-fuzz.sh              # 10 min per target
#   FUZZ_SECONDS=3600 FUZZ_TARGETS=fuzz-bundle-manifest tests/fuzz/run-fuzz.sh
#   FUZZ_CORPUS=~/assay-fuzz FUZZ_SECONDS=600 tests/fuzz/run-fuzz.sh
#       keeps the inputs each run finds in ~/assay-fuzz/<target>/ and starts
#       the next run from them, instead of from the seeds alone
#   FUZZ_ARGS="-seed=1 -only_ascii=1" tests/fuzz/run-fuzz.sh
#       passes more libFuzzer flags (see BUILD/tests/fuzz/fuzz-bundle-reader -help=1)
#
# Replaying a reproducer it printed, with the sanitizers:
#
#   BUILD/tests/fuzz/fuzz-bundle-reader REPRODUCER
#
# and, once the bug is fixed, keeping it as a regression test: copy it into
# tests/fuzz/corpus/reader/ (or manifest/), which the ordinary build replays
# as the unit tests fuzz-bundle-reader and fuzz-bundle-manifest.
#
# Options: --build-dir DIR (default: $TMPDIR/assay-fuzz-build, reused between
# runs). Environment: FUZZ_SECONDS, FUZZ_TARGETS, FUZZ_CORPUS, FUZZ_ARGS,
# FUZZ_ARTIFACTS (where reproducers are copied; default BUILD/fuzz-artifacts).
set -uo pipefail

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${TMPDIR:-/tmp}/assay-fuzz-build
seconds=${FUZZ_SECONDS:-30}
read -r -a targets <<< "${FUZZ_TARGETS:-fuzz-bundle-reader fuzz-bundle-manifest}"
read -r -a extra_args <<< "${FUZZ_ARGS:-}"

while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) builddir=$2; shift 2 ;;
    *) echo "Usage: $0 [--build-dir DIR]" >&2; exit 2 ;;
  esac
done

skip () {
  echo "SKIP: $*"
  exit 77
}

command -v clang-14 > /dev/null || skip "clang-14 is not installed"

# The scratch folder: the corpus that grows, the targets' TMPDIR (the blob
# store fsyncs every blob: tmpfs keeps that cheap) and the reproducers.
scratch_parent=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch_parent=/dev/shm
fi
work=$(mktemp -d "$scratch_parent/assay-fuzz-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

printf 'int LLVMFuzzerTestOneInput (const unsigned char *d, unsigned long n) { return 0; }\n' > "$work/probe.c"
clang-14 -fsanitize=fuzzer,address,undefined "$work/probe.c" -o "$work/probe" > /dev/null 2>&1 ||
  skip "clang-14 cannot link libFuzzer with ASan and UBSan (is libclang-rt-14-dev installed?)"

if [ ! -f "$builddir/build.ninja" ]; then
  echo "Configuring $builddir with clang-14 and -Dfuzzing=true"
  CC=clang-14 meson setup "$builddir" "$srcdir" \
    --buildtype=debugoptimized \
    -Dfuzzing=true -Dhelp=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-omit-frame-pointer" \
    > "$work/setup.log" 2>&1 || { cat "$work/setup.log"; echo "FAIL: meson setup"; exit 1; }
fi

# only the targets and what they link: the core library, not the UI
build_targets=(tests/fuzz/fuzz-seed-corpus)
for target in "${targets[@]}"; do
  build_targets+=("tests/fuzz/$target")
done
echo "Building ${build_targets[*]}"
meson compile -C "$builddir" "${build_targets[@]}" > "$work/build.log" 2>&1 ||
  { tail -n 80 "$work/build.log"; echo "FAIL: the fuzz build"; exit 1; }

artifacts=${FUZZ_ARTIFACTS:-$builddir/fuzz-artifacts}
failed=0

export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
# any report stops the run, but for the known bugs listed in ubsan.supp
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$srcdir/tests/fuzz/ubsan.supp}

for target in "${targets[@]}"; do
  kind=${target#fuzz-bundle-}
  case "$kind" in
    reader) max_len=65536 ;;
    # deep enough for nesting that would overflow the stack of a parser
    manifest) max_len=131072 ;;
    *) echo "FAIL: unknown target $target"; exit 1 ;;
  esac

  corpus="$work/corpus/$target"
  if [ -n "${FUZZ_CORPUS:-}" ]; then
    corpus="$FUZZ_CORPUS/$target"
  fi
  mkdir -p "$corpus" "$work/tmp/$target" "$work/artifacts"
  # the first folder is where libFuzzer adds what it finds; the rest are read only
  dirs=("$corpus" "$builddir/tests/fuzz/seeds/$kind")
  if [ -d "$srcdir/tests/fuzz/corpus/$kind" ]; then
    dirs+=("$srcdir/tests/fuzz/corpus/$kind")
  fi

  echo "Fuzzing $target for ${seconds} s"
  log="$work/$target.log"
  (cd "$work" && TMPDIR="$work/tmp/$target" "$builddir/tests/fuzz/$target" \
      -max_total_time="$seconds" \
      -max_len="$max_len" \
      -rss_limit_mb=2048 \
      -timeout=20 \
      -dict="$srcdir/tests/fuzz/bundle.dict" \
      -use_value_profile=1 \
      -artifact_prefix="$work/artifacts/$target-" \
      -error_exitcode=1 -timeout_exitcode=1 \
      -print_final_stats=1 \
      "${extra_args[@]}" \
      "${dirs[@]}") > "$log" 2>&1
  status=$?

  # a report that did not stop the run still counts
  if [ $status -eq 0 ] && grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:|broken invariant' "$log"; then
    status=1
  fi

  if [ $status -ne 0 ]; then
    failed=1
    tail -n 80 "$log"
    mkdir -p "$artifacts"
    cp "$log" "$artifacts/$target.log"
    found=0
    for reproducer in "$work/artifacts/$target-"*; do
      [ -e "$reproducer" ] || continue
      cp "$reproducer" "$artifacts/"
      echo "FAIL: $target: reproducer saved as $artifacts/$(basename "$reproducer")"
      echo "      replay: $builddir/tests/fuzz/$target $artifacts/$(basename "$reproducer")"
      found=1
    done
    [ $found -eq 1 ] || echo "FAIL: $target exited with $status without a reproducer; log: $artifacts/$target.log"
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^Done [0-9]+ runs' "$log" | sed "s/^/$target: /"
    echo "$target: clean"
  fi
done

exit $failed
