import ArgumentParser
import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeRender
import TunnelscopeTerminal

/// `tunnelscope [PATH...]`: the interactive explorer (the default command).
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the interactive explorer (the default command).",
        discussion: """
            Keys: ? help · Tab AWS⇄GCP · / search · f fail (what-if) · y copy the live-state command \
            (OSC 52) · 1-7 views · Ctrl-Z suspend · q quit. Exit status: 0 after q; 130 after Ctrl-C; \
            128 + the signal after a signal that ends it (143 on SIGTERM); 2 without a terminal or \
            with nothing loadable.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "First screen: topology, aws, gcp, split, findings, routes, tour.")
    var view: String = "topology"

    @Flag(inversion: .prefixedNo, help: "Mouse support (click selects, wheel scrolls).")
    var mouse = true

    @OptionGroup var before: BeforeOptions

    func run() throws {
        try Explorer.run(input: input, initial: view, mouse: mouse, before: before)
    }
}

/// `tunnelscope tour [PATH...]`: the explorer, opened on the guided walkthrough.
struct TourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "A guided walkthrough of the network (the built-in example by default)."
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        try Explorer.run(input: input, initial: "tour", mouse: true)
    }
}

enum Explorer {
    static let screens: [String: Screen] = [
        "topology": .topology, "aws": .aws, "gcp": .gcp, "split": .split,
        "findings": .findings, "routes": .routes, "changes": .changes, "tour": .tour,
    ]

    static func run(input: InputOptions, initial: String, mouse: Bool, before: BeforeOptions = BeforeOptions()) throws {
        guard let screen = screens[initial] else {
            throw ValidationError("--view must be one of \(screens.keys.sorted().joined(separator: ", "))")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error(
                "the \(initial == "tour" ? "tour" : "explorer") needs a terminal; for text output use "
                    + "`tunnelscope check`, `tunnelscope render --view VIEW`, or for the tour `tunnelscope render --view tour --step N`"
            )
            throw ExitCode(ExitStatus.unusable)
        }
        // One allocator arena for the whole explorer: a reload's thread then allocates where the
        // model it replaces was freed, and resident memory settles instead of creeping up reload
        // after reload (measured with scripts/reload-memory.sh; the first load is ~10% slower).
        Memory.shareArenas(atMost: 1)
        // Handed over, not kept here: the first model must be freed when a reload replaces it.
        let loaded = Handoff(input.load())
        if loaded.value?.report.loadedFiles.isEmpty ?? true {
            Output.error("nothing loadable in \(input.paths.joined(separator: " ")); `tunnelscope check` explains why")
            throw ExitCode(ExitStatus.unusable)
        }
        let beforeResult = try before.load()
        let colour = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let status: Int32 = MainActor.assumeIsolated {
            loop(
                result: loaded, before: beforeResult.map(Handoff.init), screen: screen, input: input,
                options: Terminal.Options(color: colour, mouse: mouse))
        }
        if status != 0 { throw ExitCode(status) }
    }

    @MainActor
    static func loop(
        result: Handoff<LoadResult>, before: Handoff<LoadResult>?, screen: Screen, input: InputOptions,
        options: Terminal.Options
    ) -> Int32 {
        let terminal = Terminal(options: options)
        terminal.start()
        defer { terminal.stop() }
        let size = terminal.size
        var state = AppState(result: result.take(), width: size.width, height: size.height, screen: screen)
        if let before { Reducer.reduce(&state, .compared(Comparison(before: before.take(), after: state.analysis))) }
        terminal.draw(ScreenRenderer.render(state))
        // The files' bytes and parse buffers are freed by now: give their pages back.
        Memory.returnFreePages()
        /// The reload under way, if any: it runs on its own thread; this loop keeps answering keys
        /// and draws its progress until it hands over the new state.
        var reload: BackgroundJob<Reload>?
        /// A `:diff` reading BEFORE, if any.
        var comparing: BackgroundJob<Action>?
        /// What the first frame and each swap start beside them (the search index, the element
        /// directory) frees memory after the trims above: once the explorer has drawn nothing for
        /// two seconds after one of them, it hands free pages back again, on another thread. Not
        /// after every key (a trim holds the allocator for a moment).
        var settle = true
        var lastDrawn = Date()
        while true {
            var redraw = true
            switch terminal.next() {
            case .idle:
                redraw = false
                if settle, reload == nil, comparing == nil, Date().timeIntervalSince(lastDrawn) >= 2 {
                    settle = false
                    DispatchQueue.global(qos: .utility).async { Memory.returnFreePages() }
                }

            case .signal(let number):
                return 128 + number
            case .suspend:
                terminal.suspend()
                Reducer.reduce(&state, .resize(width: terminal.size.width, height: terminal.size.height))
            case .resize(let width, let height):
                Reducer.reduce(&state, .resize(width: width, height: height))
            case .key(let key):
                guard let action = Reducer.action(for: key, in: state) else { continue }
                for effect in Reducer.reduce(&state, action) {
                    switch effect {
                    case .quit: return 0
                    // Ctrl-C is a key in raw mode: it ends the explorer as SIGINT would (130).
                    case .interrupt: return 128 + SIGINT
                    case .copy(let text):
                        let copy = terminal.copy(text)
                        let outcome: CopyOutcome =
                            copy.sent ? .sent(viaTmux: copy.viaTmux) : .unavailable(copy.reason ?? "unknown")
                        Reducer.reduce(&state, .copied(text, outcome))
                    case .reload:
                        // The reducer asks for one reload at a time ("already reloading").
                        if reload == nil {
                            // The state has let go of what it can make again: hand those pages back
                            // before the reload's thread (with an allocator arena of its own) needs more.
                            Memory.returnFreePages()
                            reload = .reload(input: input, context: state.reloadContext)
                        }
                    case .suspend:
                        terminal.suspend()
                        Reducer.reduce(&state, .resize(width: terminal.size.width, height: terminal.size.height))
                    case .compare(let paths):
                        if comparing == nil { comparing = .compare(paths: paths, after: state.analysis) }
                    }
                }
            }
            if let job = reload {
                switch job.poll() {
                case .done(let prepared):
                    reload = nil
                    Reducer.reduce(&state, .reloaded(prepared))
                    // The old model is gone: give its pages back, or every reload would leave the
                    // process a model larger (the allocator keeps freed memory for reuse).
                    Memory.returnFreePages()
                    settle = true
                    redraw = true
                case .running(let phase, let seconds):
                    if state.prompt.reloading?.phase != phase || state.prompt.reloading?.seconds != seconds {
                        Reducer.reduce(&state, .reloadProgress(phase, seconds: seconds))
                        redraw = true
                    }
                }
            }
            if let job = comparing, case .done(let action) = job.poll() {
                comparing = nil
                Reducer.reduce(&state, action)
                settle = true
                redraw = true
            }
            if redraw {
                terminal.draw(ScreenRenderer.render(state))
                lastDrawn = Date()
            }
        }
    }
}

/// A value passed on once: whoever takes it holds the only reference, so it is freed as soon as
/// the taker lets go of it (a plain argument would be kept alive by the caller's frame).
final class Handoff<Value>: @unchecked Sendable {
    private(set) var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        defer { value = nil }
        return value!
    }
}

/// Work on a thread of its own (a reload; reading BEFORE for `:diff`): the explorer polls it
/// between keys, so keys keep answering and its progress is drawn.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    enum Status {
        case running(phase: String, seconds: Int)
        case done(Value)
    }

    private let lock = NSLock()
    private var phase: String
    private var finished: Value?
    private let started = Date()

    /// Runs `work` on a new thread named `name`; `work` reports each step to its argument.
    init(name: String, phase: String, _ work: @escaping @Sendable (_ progress: @escaping (String) -> Void) -> Value) {
        self.phase = phase
        let thread = Thread { [self] in
            let value = work { step in self.set(phase: step) }
            lock.lock()
            finished = value
            lock.unlock()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func set(phase: String) {
        lock.lock()
        self.phase = phase
        lock.unlock()
    }

    /// What it is doing, or its value once it is done.
    func poll() -> Status {
        lock.lock()
        defer { lock.unlock() }
        if let finished { return .done(finished) }
        return .running(phase: phase, seconds: Int(Date().timeIntervalSince(started)))
    }
}

extension BackgroundJob where Value == Reload {
    /// A reload: reads the exports, analyses them and builds what the views show (`Reload`).
    static func reload(input: InputOptions, context: Reload.Context) -> BackgroundJob<Reload> {
        BackgroundJob(name: "reload", phase: "reading the exports") { progress in
            let reload = Reload(input.load(), for: context, progress: progress)
            holdUntilTheGateOpens()
            return reload
        }
    }

    /// The end-to-end tests' seam: with `TUNNELSCOPE_RELOAD_GATE` naming a file, a finished reload
    /// waits (at most two minutes) until that file exists before it swaps in, so a test can watch
    /// the explorer mid-reload however fast the machine reads the exports.
    private static func holdUntilTheGateOpens() {
        guard let gate = ProcessInfo.processInfo.environment["TUNNELSCOPE_RELOAD_GATE"], !gate.isEmpty else { return }
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: gate) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}

extension BackgroundJob where Value == Action {
    /// `:diff PATH...`: reads BEFORE and compares the loaded snapshot (`after`) with it.
    static func compare(paths: [String], after: Analysis) -> BackgroundJob<Action> {
        BackgroundJob(name: "compare", phase: "reading BEFORE") { progress in
            let before = Importer.load(paths: paths)
            guard !before.report.loadedFiles.isEmpty else {
                return .compareFailed(
                    "Nothing loadable in \(paths.joined(separator: " ")) to compare with (`tunnelscope check` says why)."
                )
            }
            progress("comparing")
            return .compared(Comparison(before: before, after: after))
        }
    }
}
