#!/usr/bin/env node
// The kit's first name, kept as a bin alias (and as the path bench/ runs, old commits included).
import './oauth-contract-kit.js';
