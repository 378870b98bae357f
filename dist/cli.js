#!/usr/bin/env node
// The ecr-scan-findings CLI; its bundle is dist/cli/index.js.
import './cli/index.js'
