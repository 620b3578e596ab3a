;; The stateful API fuzzer's module (src/test/java/dev/nostdwasm/it/fuzz/stateful/): every export
;; is a way into the host ("fuzz" "host"), into reference bookkeeping ("fuzz" "ref"), into deep
;; recursion or into memory and table growth. The fuzzer stamps bytes 0..63 of "memory" with its
;; store's pattern; nothing here writes below byte 64.
(module
  (type $ii (func (param i32) (result i32)))
  (import "fuzz" "host" (func $host (param i32) (result i32)))
  (import "fuzz" "ref" (func $ref (param funcref externref) (result externref)))
  (memory (export "memory") 1 64)
  (table $funcs (export "funcs") 2 funcref)
  (table $refs (export "refs") 2 externref)
  (elem (table $funcs) (i32.const 0) func $leaf)
  (func $leaf (export "leaf") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  ;; recurses to depth n, then calls the host (which may go on into another store)
  (func $rec (export "rec") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
      call $host
    else
      local.get 0
      i32.const 1
      i32.sub
      call $rec
      i32.const 1
      i32.add
    end)
  (func (export "call_host") (param i32) (result i32)
    local.get 0
    call $host)
  ;; calls the host n times with a funcref and the given externref; returns the last result
  (func (export "ref_loop") (param $n i32) (param $x externref) (result externref)
    (local $last externref)
    block $done
      loop $again
        local.get $n
        i32.eqz
        br_if $done
        ref.func $leaf
        local.get $x
        call $ref
        local.set $last
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $again
      end
    end
    local.get $last)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.const 64
    i32.add
    i32.load)
  (func (export "store") (param i32 i32)
    local.get 0
    i32.const 64
    i32.add
    local.get 1
    i32.store)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  (func (export "table_grow") (param i32) (result i32)
    ref.null func
    local.get 0
    table.grow $funcs)
  (func (export "echo_funcref") (param funcref) (result funcref)
    local.get 0)
  (func (export "echo_externref") (param externref) (result externref)
    local.get 0)
  (func (export "call_at") (param i32 i32) (result i32)
    local.get 1
    local.get 0
    call_indirect $funcs (type $ii)))
