# The two set-up commands of the README: `make run` and `make test`.
# Both install what is missing (Debian packages), configure, build and build
# the bundled Lạng Sơn project; then run the app or all the tests.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
PROJECT_FILE := $(BUILD_DIR)/share/planmap/langson.planmap

.PHONY: all deps configure build run test bench clean briefing

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "planmap: no display found; starting under xvfb-run"; \
	  xvfb-run -a $(BUILD_DIR)/bin/planmap --project $(PROJECT_FILE); \
	else \
	  $(BUILD_DIR)/bin/planmap --project $(PROJECT_FILE); \
	fi

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD_DIR) --target benchmarks
	@for b in $(BUILD_DIR)/bin/bench_*; do echo "== $$b"; $$b; done

# The province briefing map (A4 landscape PDF) of the bundled project.
briefing: build
	$(BUILD_DIR)/bin/planmap-cli print $(PROJECT_FILE) --template briefing-a4 --out $(BUILD_DIR)/briefing-langson-a4.pdf

clean:
	rm -rf $(BUILD_DIR)
