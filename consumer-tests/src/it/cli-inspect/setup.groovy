// A fresh Ed25519 key pair for this build, as PEM (PKCS#8 private, X.509 public).
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.security.KeyPairGenerator

def keys = new File(basedir, 'keys')
keys.mkdirs()
def pair = KeyPairGenerator.getInstance('Ed25519').generateKeyPair()
def pem = { String type, byte[] der ->
    "-----BEGIN ${type}-----\n" + Base64.getMimeEncoder(64, '\n'.bytes).encodeToString(der) + "\n-----END ${type}-----\n"
}
def priv = new File(keys, 'private.pem')
priv.text = pem('PRIVATE KEY', pair.private.encoded)
Files.setPosixFilePermissions(priv.toPath(), PosixFilePermissions.fromString('rw-------'))
new File(keys, 'public.pem').text = pem('PUBLIC KEY', pair.public.encoded)
return true
