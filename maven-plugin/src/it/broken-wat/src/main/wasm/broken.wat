(module
  (func (export "oops") (result i32)
    i32.const 1
    i32.frobnicate))
