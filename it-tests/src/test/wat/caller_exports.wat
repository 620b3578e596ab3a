;; A guest whose host import calls back into it: run() passes the name at 16 ("wasm", 4 bytes)
;; to host.greet, which reads it, calls alloc for room, writes a NUL-terminated greeting there
;; and returns its address. alloc is a bump allocator from 1024; calls counts the host's calls
;; (a mutable global the host increments); the table gives the host a table export to find.
(module
  (import "host" "greet" (func $greet (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  (global (export "calls") (mut i32) (i32.const 0))
  (table (export "table") 2 funcref)
  (data (i32.const 16) "wasm")
  (func (export "alloc") (param $size i32) (result i32)
    (local $at i32)
    global.get $next
    local.set $at
    global.get $next
    local.get $size
    i32.add
    global.set $next
    local.get $at)
  (func (export "run") (result i32)
    i32.const 16
    i32.const 4
    call $greet))
