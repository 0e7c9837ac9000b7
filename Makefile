# Windbell developer entry points. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Pick a JDK >= 21 by itself: $JAVA_HOME if it is new enough, else the newest under /usr/lib/jvm.
JAVA_HOME := $(shell tools/bin/find-jdk.sh)
export JAVA_HOME
MVN := ./mvnw -B

.PHONY: help build test run stop bench fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

build: ## compile and package every module, skipping tests
	$(MVN) -DskipTests package

test: ## run every test of every module (unit, @QuarkusTest with real PostgreSQL and Kafka, contracts)
	tools/bin/ensure-chromium.sh && $(MVN) verify

run: ## start the local stack as processes: PostgreSQL, Kafka, Keycloak, the services, demo definitions, the simulator
	tools/stack/run.sh

stop: ## stop only what `make run` started
	tools/stack/stop.sh

bench: ## run the benchmarks (ingest, gateway overhead, journey, survey, scoring, workorder, notification) and print the report (see docs/benchmarks.md)
	tools/bench/bench.sh

fmt: ## format Java sources and imports the way the build enforces
	$(MVN) -q -Dformat.goal=format -Dimpsort.goal=sort process-sources

clean: ## remove build output
	$(MVN) -q clean
