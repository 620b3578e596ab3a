def log = new File(basedir, 'build.log').text
assert log.contains('No WebAssembly to precompile: src/main/wasm does not exist')
assert !new File(basedir, 'target/generated-resources/nostdwasm').exists()
return true
