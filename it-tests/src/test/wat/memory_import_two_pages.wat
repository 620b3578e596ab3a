;; Imports a memory of at least two pages (LinkingSuite: one that grew after it was defined).
(module
  (import "env" "memory" (memory 2))
  (func (export "size") (result i32)
    memory.size))
