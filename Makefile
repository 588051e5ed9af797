# Tusk's quick start, on Debian 12, as root or with sudo:
#   make run    install what is missing, build, start the sandbox with the demo
#               database, open Tusk on it
#   make test   install what is missing, build, run every test
#   make package  build the Debian package (build/tusk_<version>-1_amd64.deb)
#   make screenshots  retake the user guide's pictures (docs/guide/images)
#   make test-sanitize  every test built with ASan and UBSan (build-sanitize/);
#               SANITIZE_HEADLESS=1: the unit and integration tests only
#   make fuzz-smoke  every libFuzzer target for 30 s (build-fuzz/, clang)
BUILD_DIR ?= build
TUSK := $(BUILD_DIR)/app/tusk
CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: run test package screenshots test-sanitize fuzz-smoke

# An existing build folder keeps the generator it was made with.
CONFIGURE = if [ -f $(BUILD_DIR)/CMakeCache.txt ]; then cmake -S . -B $(BUILD_DIR); \
	    else cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS); fi > /dev/null

run:
	@packaging/install-deps.sh
	@$(CONFIGURE)
	@cmake --build $(BUILD_DIR) --target tusk
	@$(TUSK) sandbox start
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	    echo "make run: no display (DISPLAY is unset). The sandbox is running;"; \
	    echo "  open Tusk on a virtual screen:   xvfb-run -a $(TUSK) --sandbox"; \
	    echo "  or connect with psql:            eval \"\$$($(TUSK) sandbox psql-env)\" && psql"; \
	    exit 1; \
	fi
	@$(TUSK) --sandbox

test:
	@packaging/install-deps.sh
	@$(CONFIGURE)
	@cmake --build $(BUILD_DIR)
	@cd $(BUILD_DIR) && ctest --output-on-failure --label-exclude bench

package:
	@packaging/install-deps.sh
	@$(CONFIGURE)
	@cmake --build $(BUILD_DIR)
	@cd $(BUILD_DIR) && cpack -G DEB

screenshots:
	@packaging/install-deps.sh
	@$(CONFIGURE)
	@cmake --build $(BUILD_DIR) --target tusk guide_screenshots
	@$(TUSK) sandbox start
	@docs/guide/take-screenshots.sh $(BUILD_DIR)

# The sanitizers: a build of its own, every test but the benchmarks and the
# package (a package of a sanitized binary means nothing). Any finding fails.
# SANITIZE_HEADLESS=1 builds and runs only the unit and integration tests (no
# GUI test): what CI runs, as the whole takes too long there
# (docs/performance.md, "CI budget").
SANITIZE_DIR ?= build-sanitize
test-sanitize:
	@packaging/install-deps.sh
	@if [ -f $(SANITIZE_DIR)/CMakeCache.txt ]; then cmake -S . -B $(SANITIZE_DIR); \
	    else cmake -S . -B $(SANITIZE_DIR) $(CMAKE_FLAGS) -DTUSK_SANITIZE=ON; fi > /dev/null
	@cmake --build $(SANITIZE_DIR) $(if $(SANITIZE_HEADLESS),--target headless_tests)
	@cd $(SANITIZE_DIR) && \
	    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure \
	    $(if $(SANITIZE_HEADLESS),--label-regex "unit|integration" --label-exclude "gui|bench|package",--label-exclude "bench|package")

# Each parser's libFuzzer target for FUZZ_SECONDS from its seeds
# (tests/fuzz/fuzz-smoke.sh): a build of its own with clang, ASan and UBSan.
# A crash, leak, timeout or UBSan report fails.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 30
fuzz-smoke:
	@packaging/install-deps.sh
	@if [ -f $(FUZZ_DIR)/CMakeCache.txt ]; then cmake -S . -B $(FUZZ_DIR); \
	    else cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DTUSK_FUZZ=ON \
	    -DBUILD_TESTING=OFF; fi > /dev/null
	@cmake --build $(FUZZ_DIR) --target fuzz_targets
	@ASAN_OPTIONS=quarantine_size_mb=64 tests/fuzz/fuzz-smoke.sh $(FUZZ_DIR) $(FUZZ_SECONDS)
