# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: venv run test bench clean shot shots install-desktop uninstall-desktop desktop-smoke

venv: $(STAMP)

# An NVIDIA driver (nvidia-smi answers) gets the gpu extra too: TensorFlow's CUDA libraries from the package
# index, so training uses the GPU without reading the README. `make venv GPU=0` opts out, GPU=1 forces it.
GPU ?= $(shell nvidia-smi -L >/dev/null 2>&1 && echo 1 || echo 0)
comma := ,
EXTRAS := $(if $(filter 1,$(GPU)),test$(comma)gpu,test)

# Re-install only when pyproject.toml changed (the stamp is older than it) or the GPU choice did.
$(STAMP): pyproject.toml $(VENV)/.gpu-$(GPU)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip
	@if [ "$(GPU)" = 1 ]; then echo "NVIDIA driver found (nvidia-smi): installing the gpu extra (CUDA libraries, \
	about 3 GB); make venv GPU=0 skips it"; fi
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

$(VENV)/.gpu-$(GPU):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	rm -f $(VENV)/.gpu-*
	touch $@

# The display check first: with a system library missing or no display, it names what to install (exit 2)
# instead of Qt's abort.
run: venv
	$(BIN)/python -m gui.platform_check
	$(BIN)/python main.py

# The import contracts (pyproject.toml) first: a few seconds, and a broken layer is reported before the suite runs.
test: venv
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen TF_CPP_MIN_LOG_LEVEL=2 $(BIN)/python -m pytest -q

# The benches' own extra (gensim, the word2vec reference), then every bench.
bench: venv
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	for f in bench/*.py; do $(BIN)/python $$f || exit 1; done

# The screenshot gallery (docs/gallery): every architecture and every lab at 1366x768, offscreen (~5 min); then
# the Course in Chinese (docs/gallery-zh; needs a Chinese font, e.g. fonts-noto-cjk).
shots: venv
	QT_QPA_PLATFORM=offscreen TF_CPP_MIN_LOG_LEVEL=2 $(BIN)/python -m gui.gallery docs/gallery
	QT_QPA_PLATFORM=offscreen TF_CPP_MIN_LOG_LEVEL=2 $(BIN)/python -m gui.gallery docs/gallery-zh --lang zh_CN

# The desktop's menu entry and icon, for this user only (~/.local/share; no root).
install-desktop: venv
	$(BIN)/python -m gui.desktop install

uninstall-desktop: venv
	$(BIN)/python -m gui.desktop uninstall

# The app under a real X server (Xvfb, xcb): needs xvfb, x11-apps and x11-utils; .ci/run installs them.
desktop-smoke: venv
	$(BIN)/python .ci/desktop_smoke.py

clean:
	rm -rf $(VENV) build *.egg-info
