// Artifacts for the default targets × profiles (native: x86_64, aarch64; pulley: pulley64),
// in target/classes (the generated directory is a resource root) and in the jar, keeping
// the subdirectory of each input.
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
def names = ['demo', 'lib/math'].collectMany { stem ->
    ['native.x86_64', 'native.aarch64', 'pulley.pulley64'].collect { "${stem}.${it}.cwasm".toString() }
}
names.each { name ->
    def f = new File(basedir, "target/classes/${name}")
    assert f.isFile() : "missing ${f}"
    byte[] head = new byte[8]
    f.withInputStream { it.read(head) }
    assert new String(head, 0, 4, 'US-ASCII') == 'NSWA' : "${f} is not an artifact"
    assert new File(basedir, "target/generated-resources/nostdwasm/${name}").isFile()
}
new JarFile(new File(basedir, 'target/basic-1.0.jar')).withCloseable { jar ->
    names.each { assert jar.getEntry(it) != null : "${it} not in the jar" }
}
assert log =~ /\[\d\/2\] src\/main\/wasm\/demo\.wat -> 3 artifacts/
assert log =~ /\[\d\/2\] src\/main\/wasm\/lib\/math\.wat -> 3 artifacts/
assert log.contains('2 compiled, 0 up to date')
return true
