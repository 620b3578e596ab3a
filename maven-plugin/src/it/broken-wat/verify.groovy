def log = new File(basedir, 'build.log').text
// The failure names the input (relative to the project) and the parser's reason.
def failure = log.readLines().find { it.contains('Cannot precompile src/main/wasm/broken.wat') }
assert failure != null : 'no failure naming src/main/wasm/broken.wat'
// The reason: the precompiler's parse error (its wording belongs to the precompiler).
assert failure =~ /(?i)parse|unknown operator|frobnicate/ : "no parse error in: ${failure}"
assert !new File(basedir, 'target/generated-resources/nostdwasm/broken.pulley.pulley64.cwasm').exists()
return true
