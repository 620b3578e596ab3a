import dev.nostdwasm.precompiler.ArtifactInfo

def pub = new File(basedir, 'keys/public.pem').toPath()
def names = ['math.native.x86_64.cwasm', 'math.pulley.pulley64.cwasm']
names.each { name ->
    def f = new File(basedir, "target/classes/${name}")
    assert f.isFile() : "missing ${f}"
    byte[] bytes = f.bytes
    assert bytes[13] == 1 : "${name}: signature algorithm byte is ${bytes[13]}, not 1 (Ed25519)"
    def info = ArtifactInfo.read(f.toPath())
    assert info.signature().isPresent()
    assert info.signedBy(pub) : "${name} is not signed by keys/public.pem"
}
return true
