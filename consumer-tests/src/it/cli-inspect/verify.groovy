// `nsw inspect` of an artifact the plugin built and signed prints every field.
def log = new File(basedir, 'build.log').text
def expected = [
    ~/(?m)^file: +.*add\.native\.(x86_64|aarch64)\.cwasm/,
    ~/(?m)^format: +1$/,
    ~/(?m)^target: +(x86_64|aarch64)$/,
    ~/(?m)^profile: +native$/,
    ~/(?m)^Wasmtime version: +\d+\.\d+\.\d+/,
    ~/(?m)^SHA-256: +[0-9a-f]{64} \(verified\)$/,
    ~/(?m)^signature: +Ed25519 verified/,
    ~/(?m)^export add: func \(i32, i32\) -> \(i32\)$/,
]
def missing = expected.findAll { !(log =~ it) }
assert missing.isEmpty() : "nsw inspect did not print: ${missing}"
return true
