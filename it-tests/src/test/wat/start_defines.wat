;; A start function that calls host.define_more, which the test makes define a name on the very
;; linker that is instantiating this module.
(module
  (import "host" "define_more" (func $define_more))
  (func $start call $define_more)
  (start $start)
  (func (export "answer") (result i32) i32.const 42))
