;; Grows its memory, then calls the host: what Java sees of the memory changed under it.
(module
  (import "host" "touch" (func $touch))
  (memory (export "memory") 1)
  (func (export "grow_then_touch") (param i32) (result i32)
    local.get 0
    memory.grow
    drop
    call $touch
    memory.size))
