# toiawase — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
FUZZTIME ?= 15s
BIN := bin/toiawase

.PHONY: run build test check lint vet fmt-check staticcheck race fuzz bench bench-ws deps deps-system deps-go clean

## run: the server on embedded defaults (http://127.0.0.1:8080); no account or token needed
run:
	$(GO) run ./cmd/toiawase serve

build:
	$(GO) build -o $(BIN) ./cmd/toiawase

## test: everything CI runs — format, vet, staticcheck, race tests (browser, terminal, Redis), fuzz
test: deps lint race fuzz

check: test

lint: fmt-check vet staticcheck

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck: deps-go
	$(STATICCHECK) ./...

race:
	$(GO) test -race -count=1 -timeout 20m ./...

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME) ./tracking
	$(GO) test -run '^$$' -fuzz '^FuzzValidate$$' -fuzztime $(FUZZTIME) ./tracking
	$(GO) test -run '^$$' -fuzz '^FuzzMaskHidesCards$$' -fuzztime $(FUZZTIME) ./channels/slack
	$(GO) test -run '^$$' -fuzz '^FuzzRedactSecrets$$' -fuzztime $(FUZZTIME) ./bot
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeClientFrame$$' -fuzztime $(FUZZTIME) ./channels/webchat
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime $(FUZZTIME) ./bot
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime $(FUZZTIME) ./intents

## bench: speed and memory figures (Go's benchmark harness)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./tracking ./intents ./faq ./bot ./bot/store ./channels/...

## bench-ws: websocket load, the bot against a bare echo server
bench-ws: build
	$(BIN) loadgen -sessions 1000 -messages 20
	$(BIN) loadgen -idle 10000

# Everything the tests need, installed when missing (Debian packages and Go tools).
deps: deps-system deps-go

deps-system:
	@need=""; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	command -v chromedriver >/dev/null 2>&1 || need="$$need chromium-driver"; \
	command -v tmux >/dev/null 2>&1 || need="$$need tmux"; \
	command -v redis-server >/dev/null 2>&1 || need="$$need redis-server"; \
	fc-list 2>/dev/null | grep -qi 'ipa\|noto sans cjk' || need="$$need fonts-ipafont-gothic"; \
	if [ -n "$$need" ]; then \
	  echo "installing:$$need"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$need >/dev/null; \
	fi

deps-go:
	@test -x $(STATICCHECK) || GOFLAGS= $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	@$(GO) mod download

clean:
	rm -rf bin
