;; The host reads and writes the caller's memory: sum(ptr, len) adds len bytes at ptr
;; and stores the sum as an i32 at ptr + len.
(module
  (import "host" "sum" (func $sum (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "\01\02\03\04\05")
  (func (export "run") (result i32)
    i32.const 100
    i32.const 5
    call $sum)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load))
