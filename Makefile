# Tusk's quick start, on Debian 12, as root or with sudo:
#   make run    install what is missing, build, start the sandbox with the demo
#               database, open Tusk on it
#   make test   install what is missing, build, run every test
#   make package  build the Debian package (build/tusk_<version>-1_amd64.deb)
#   make screenshots  retake the user guide's pictures (docs/guide/images)
BUILD_DIR ?= build
TUSK := $(BUILD_DIR)/app/tusk
CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: run test package screenshots

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
