;; A funcref table (4, max 8) holding double and inc at 0 and 1, and an externref table (2).
(module
  (type $ii (func (param i32) (result i32)))
  (table $funcs (export "funcs") 4 8 funcref)
  (table $refs (export "refs") 2 externref)
  (elem (table $funcs) (i32.const 0) func $double $inc)
  (func $double (export "double") (param i32) (result i32)
    local.get 0
    i32.const 2
    i32.mul)
  (func $inc (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  ;; call_at(index, x) == funcs[index](x)
  (func (export "call_at") (param i32 i32) (result i32)
    local.get 1
    local.get 0
    call_indirect $funcs (type $ii))
  (func (export "ref_at") (param i32) (result externref)
    local.get 0
    table.get $refs)
  (func (export "set_ref") (param i32 externref)
    local.get 0
    local.get 1
    table.set $refs)
  (func (export "funcs_size") (result i32)
    table.size $funcs))
