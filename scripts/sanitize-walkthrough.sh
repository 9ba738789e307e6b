#!/usr/bin/env bash
# The GUI walkthrough and the random soak under AddressSanitizer and UndefinedBehaviorSanitizer (issue 18):
# a separate build tree (build-asan/, RelWithDebInfo with -fsanitize=address,undefined), then the GUI tests.
# Any sanitizer finding aborts the GUI (halt_on_error), which fails its test. Prints the number of findings.
#   scripts/sanitize-walkthrough.sh            # walkthrough + 2-minute soak
#   LAGEBILD_SOAK_SECONDS=600 scripts/sanitize-walkthrough.sh   # the 10-minute soak
set -euo pipefail
cd "$(dirname "$0")/.."
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j"$(nproc)" --target lagebild lagebild-gui ui_gui_tests
log=$(mktemp)
# Leak checking is off: Mesa's llvmpipe and fontconfig keep allocations until exit by design; errors of
# memory use (overflows, use after free) and undefined behaviour stop the program.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:log_path=$log.asan
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$log.ubsan
status=0
# The GUI's stderr reaches the test's failure message, so findings are counted in the test output as well
# as in the sanitizers' log files.
set +e
build-asan/tests/ui_gui_tests --gtest_filter='GuiWalkthrough.*:GuiSoak.*:GuiSmoke.*' 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
findings=$(cat "$log" "$log".asan.* "$log".ubsan.* 2>/dev/null | grep -c -E "(==[0-9]+==ERROR: |runtime error: )" || true)
echo "sanitizer findings: $findings"
cat "$log".asan.* "$log".ubsan.* 2>/dev/null | head -60 || true
rm -f "$log" "$log".asan.* "$log".ubsan.*
[ "$status" -eq 0 ] && [ "$findings" -eq 0 ]
