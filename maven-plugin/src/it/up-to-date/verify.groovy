def log = new File(basedir, 'build.log').text
def counts = (log =~ /(\d+) compiled, (\d+) up to date/).collect { it[0] }
assert counts == ['1 compiled, 0 up to date', '0 compiled, 1 up to date', '1 compiled, 0 up to date',
                  '1 compiled, 0 up to date'] : counts
assert log.contains('Configuration changed since the last build')
assert log.contains('Deleted 1 artifact(s) no input gives any more')

def generated = new File(basedir, 'target/generated-resources/nostdwasm')
assert generated.list().toList().sort() == ['math.pulley.fuel.pulley64.cwasm']
// Builds 3 and 4 compiled fuel in: the name says so, and so does the switches byte (offset 12), bit 0.
byte[] header = new File(generated, 'math.pulley.fuel.pulley64.cwasm').bytes
assert (header[12] & 1) == 1
assert new File(basedir, 'target/classes/math.pulley.fuel.pulley64.cwasm').isFile()
return true
