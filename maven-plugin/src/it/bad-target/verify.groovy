def log = new File(basedir, 'build.log').text
assert log.contains("Invalid <targets>: unknown target 'riscv64': use x86_64, aarch64, pulley64 or host")
return true
