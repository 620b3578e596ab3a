//! One `.wast` to a command script (FORMAT.md, "commands.json") plus the
//! binaries of the modules it instantiates. Modules that must not validate or
//! parse are checked here, with the caller's validator, and recorded with
//! the outcome; nothing of the runtime is needed for them later.

use serde_json::{Map, Value, json};
use wast::core::Module;
use wast::parser::{self, ParseBuffer};
use wast::token::{Id, Span};
use wast::{QuoteWat, Wast, WastDirective, WastExecute, WastInvoke, Wat};

use crate::{superseded, values};

/// A module the script instantiates, by its index in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleBinary {
    Wasm(Vec<u8>),
    /// The spec expects a valid module, but its text did not encode.
    Unencodable(String),
}

#[derive(Debug)]
pub struct Script {
    /// Every command, in file order; each an object with `type` and `line`.
    pub commands: Vec<Value>,
    pub modules: Vec<ModuleBinary>,
}

/// Checks a module binary like the runtime would: `Err` with the reason
/// when it does not validate.
pub type Validator<'v> = dyn Fn(&[u8]) -> Result<(), String> + Sync + 'v;

/// Parses `text` (the contents of `source`) and converts every directive.
/// Fails only when the file as a whole does not parse.
pub fn convert(source: &str, text: &str, validate: &Validator<'_>) -> Result<Script, String> {
    let mut lexer = wast::lexer::Lexer::new(text);
    // The spec suite tests such characters on purpose (e.g. in names).
    lexer.allow_confusing_unicode(true);
    let buffer = ParseBuffer::new_with_lexer(lexer).map_err(|e| located(e, source, text))?;
    let wast = parser::parse::<Wast<'_>>(&buffer).map_err(|e| located(e, source, text))?;
    let lines = LineIndex::new(text);
    let suite = source.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut out = Converter { source, suite, lines: &lines, validate, commands: Vec::new(), modules: Vec::new() };
    for directive in wast.directives {
        out.directive(directive);
    }
    Ok(Script { commands: out.commands, modules: out.modules })
}

fn located(mut e: wast::Error, source: &str, text: &str) -> String {
    e.set_path(std::path::Path::new(source));
    e.set_text(text);
    e.to_string()
}

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    fn line(&self, span: Span) -> usize {
        self.starts.partition_point(|&start| start <= span.offset())
    }
}

struct Converter<'a, 'v> {
    source: &'a str,
    /// `wasm-v1`, `proposals/simd`: decides which features the file expects.
    suite: &'a str,
    lines: &'a LineIndex,
    validate: &'a Validator<'v>,
    commands: Vec<Value>,
    modules: Vec<ModuleBinary>,
}

const COMPONENTS: &str = "component-model directive: the runtime runs core modules only";

impl Converter<'_, '_> {
    fn push(&mut self, ty: &str, span: Span, fields: Value) {
        let mut command = Map::new();
        command.insert("type".into(), ty.into());
        command.insert("line".into(), self.lines.line(span).into());
        if let Value::Object(fields) = fields {
            command.extend(fields);
        }
        self.commands.push(Value::Object(command));
    }

    fn skip(&mut self, command: &str, span: Span, reason: impl Into<String>) {
        self.push("skip", span, json!({"command": command, "reason": reason.into()}));
    }

    fn add_module(&mut self, binary: ModuleBinary) -> usize {
        self.modules.push(binary);
        self.modules.len() - 1
    }

    fn directive(&mut self, directive: WastDirective<'_>) {
        let span = directive.span();
        match directive {
            WastDirective::Module(module) => self.module(span, module, false),
            WastDirective::ModuleDefinition(module) => self.module(span, module, true),
            WastDirective::ModuleInstance { instance, module, .. } => self.push(
                "module_instance",
                span,
                json!({"instance": instance.map(id), "module": module.map(id)}),
            ),
            WastDirective::AssertMalformed { module, message, .. } => {
                self.check_rejected("assert_malformed", span, module, message)
            }
            WastDirective::AssertInvalid { module, message, .. } => {
                self.check_rejected("assert_invalid", span, module, message)
            }
            WastDirective::AssertMalformedCustom { .. } => self.skip(
                "assert_malformed_custom",
                span,
                "custom-section annotation check: about the text format's (@custom) syntax, which the runtime never sees",
            ),
            WastDirective::AssertInvalidCustom { .. } => self.skip(
                "assert_invalid_custom",
                span,
                "custom-section annotation check: about the text format's (@custom) placement, which the runtime never sees",
            ),
            WastDirective::Register { name, module, .. } => {
                self.push("register", span, json!({"as": name, "name": module.map(id)}))
            }
            WastDirective::Invoke(invoke) => match invoke_action(&invoke) {
                Ok(action) => self.push("action", span, json!({"action": action})),
                Err(reason) => self.skip("invoke", span, reason),
            },
            WastDirective::AssertTrap { exec, message, .. } => match exec {
                WastExecute::Wat(wat) => match self.module_binary(wat) {
                    Ok(index) => self.push("assert_trap", span, json!({"module": index, "text": message})),
                    Err(reason) => self.skip("assert_trap", span, reason),
                },
                exec => match execute_action(&exec) {
                    Ok(action) => self.push("assert_trap", span, json!({"action": action, "text": message})),
                    Err(reason) => self.skip("assert_trap", span, reason),
                },
            },
            WastDirective::AssertReturn { exec, results, .. } => {
                let converted = execute_action(&exec).and_then(|action| {
                    let (key, expected) = values::results(&results).map_err(|u| u.0)?;
                    let mut fields = Map::new();
                    fields.insert("action".into(), action);
                    fields.insert(key.into(), expected);
                    Ok(Value::Object(fields))
                });
                match converted {
                    Ok(fields) => self.push("assert_return", span, fields),
                    Err(reason) => self.skip("assert_return", span, reason),
                }
            }
            WastDirective::AssertExhaustion { call, message, .. } => match invoke_action(&call) {
                Ok(action) => self.push("assert_exhaustion", span, json!({"action": action, "text": message})),
                Err(reason) => self.skip("assert_exhaustion", span, reason),
            },
            WastDirective::AssertUnlinkable { module, message, .. } => match self.module_binary(module) {
                Ok(index) => self.push("assert_unlinkable", span, json!({"module": index, "text": message})),
                Err(reason) => self.skip("assert_unlinkable", span, reason),
            },
            WastDirective::AssertException { exec, .. } => match exec {
                WastExecute::Wat(wat) => match self.module_binary(wat) {
                    Ok(index) => self.push("assert_exception", span, json!({"module": index})),
                    Err(reason) => self.skip("assert_exception", span, reason),
                },
                exec => match execute_action(&exec) {
                    Ok(action) => self.push("assert_exception", span, json!({"action": action})),
                    Err(reason) => self.skip("assert_exception", span, reason),
                },
            },
            WastDirective::AssertSuspension { .. } => self.skip(
                "assert_suspension",
                span,
                "stack switching: the build disables it (EngineSettings::apply: wasm_stack_switching(false))",
            ),
            WastDirective::Thread(_) => {
                self.skip("thread", span, "threads: not available in no_std Wasmtime")
            }
            WastDirective::Wait { .. } => self.skip("wait", span, "threads: not available in no_std Wasmtime"),
        }
    }

    fn module(&mut self, span: Span, mut module: QuoteWat<'_>, definition: bool) {
        let command = if definition { "module definition" } else { "module" };
        if matches!(module, QuoteWat::QuoteComponent(..) | QuoteWat::Wat(Wat::Component(_))) {
            return self.skip(command, span, COMPONENTS);
        }
        let name = module.name().map(id);
        let binary = match module.encode() {
            Ok(bytes) => ModuleBinary::Wasm(bytes),
            Err(e) => ModuleBinary::Unencodable(format!("the module's text does not encode: {}", e.message())),
        };
        let index = self.add_module(binary);
        self.push("module", span, json!({"module": index, "name": name, "definition": definition}));
    }

    /// A module that assert_trap / assert_unlinkable / assert_exception
    /// instantiates: an artifact like any other.
    fn module_binary(&mut self, wat: Wat<'_>) -> Result<usize, String> {
        let mut module: Module<'_> = match wat {
            Wat::Module(module) => module,
            Wat::Component(_) => return Err(COMPONENTS.into()),
        };
        let binary = match module.encode() {
            Ok(bytes) => ModuleBinary::Wasm(bytes),
            Err(e) => ModuleBinary::Unencodable(format!("the module's text does not encode: {}", e.message())),
        };
        Ok(self.add_module(binary))
    }

    /// assert_invalid / assert_malformed: text that does not parse or encode
    /// is rejected; otherwise the binary goes to the validator.
    fn check_rejected(&mut self, command: &str, span: Span, mut module: QuoteWat<'_>, text: &str) {
        if matches!(module, QuoteWat::QuoteComponent(..) | QuoteWat::Wat(Wat::Component(_))) {
            return self.skip(command, span, COMPONENTS);
        }
        let error = match module.encode() {
            Err(e) => Some(format!("text: {}", e.message())),
            Ok(bytes) => match (self.validate)(&bytes) {
                Err(e) => Some(e),
                Ok(()) => match superseded::superseded(self.suite, &bytes)
                    .or_else(|| superseded::reversed(self.source, self.lines.line(span)))
                {
                    Some(reason) => return self.skip(command, span, reason),
                    None => None,
                },
            },
        };
        let outcome = if error.is_some() { "rejected" } else { "accepted" };
        self.push(command, span, json!({"outcome": outcome, "error": error, "text": text}));
    }
}

fn id(id: Id<'_>) -> String {
    format!("${}", id.name())
}

fn invoke_action(invoke: &WastInvoke<'_>) -> Result<Value, String> {
    let args: Vec<Value> = invoke.args.iter().map(values::arg).collect::<Result<_, _>>().map_err(|u| u.0)?;
    Ok(json!({"type": "invoke", "module": invoke.module.map(id), "field": invoke.name, "args": args}))
}

fn execute_action(exec: &WastExecute<'_>) -> Result<Value, String> {
    match exec {
        WastExecute::Invoke(invoke) => invoke_action(invoke),
        WastExecute::Get { module, global, .. } => {
            Ok(json!({"type": "get", "module": module.map(id), "field": global}))
        }
        WastExecute::Wat(_) => Err("a module where an action is expected (only assert_trap and \
                                    assert_exception take a module)"
            .into()),
    }
}
