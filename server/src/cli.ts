// `local-cloud-lab check`: the language server's analysis core for CI (text, JSON, SARIF).
process.stdout.write('local-cloud-lab cli\n');
