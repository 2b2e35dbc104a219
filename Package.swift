// swift-tools-version:6.1
import PackageDescription

// Layers (see DESIGN.md §2): import → model → analysis → render → terminal → app; canvas holds
// the drawing primitives render draws with and terminal blits.
let package = Package(
    name: "Tunnelscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tunnelscope", targets: ["tunnelscope"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // model: the typed cross-cloud graph, IP/CIDR values, the tunnel join. Depends on nothing.
        .target(name: "TunnelscopeModel"),
        // text: the output sanitiser, terminal display widths (East Asian Width, emoji), plain tables,
        // shell quoting. Depends on nothing.
        .target(name: "TunnelscopeText"),
        // canvas: the drawing primitives (cell buffer, styles, rectangles, spans) and key presses.
        .target(name: "TunnelscopeCanvas", dependencies: ["TunnelscopeText"]),
        // import: recognise and decode AWS CLI / gcloud JSON, report what could not be used.
        .target(name: "TunnelscopeImport", dependencies: ["TunnelscopeModel"]),
        // analysis: findings, failure what-if, routes and reachability, creation order. Pure; model only
        // (and text's shell quoting for the command lines in the plan and in hints).
        .target(name: "TunnelscopeAnalysis", dependencies: ["TunnelscopeModel", "TunnelscopeText"]),
        // render: pure views into a cell buffer, app state, actions, reducer, keymap.
        .target(
            name: "TunnelscopeRender",
            dependencies: ["TunnelscopeModel", "TunnelscopeAnalysis", "TunnelscopeText", "TunnelscopeCanvas"]),
        // terminal: the only code that touches ncurses.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TunnelscopeTerminal", dependencies: ["CNcursesw", "TunnelscopeCanvas"]),
        // the built-in example network, embedded in the binary at build time.
        .target(
            name: "TunnelscopeExample",
            dependencies: ["TunnelscopeModel", "TunnelscopeImport"],
            exclude: ["ExampleNetwork"],
            plugins: ["EmbedExamplePlugin"]
        ),
        .executableTarget(name: "EmbedResources"),
        // synthetic large networks in the real export formats, for benchmarks and scale tests.
        .target(name: "TunnelscopeSynthetic", dependencies: ["TunnelscopeExample", "TunnelscopeImport"]),
        .plugin(name: "EmbedExamplePlugin", capability: .buildTool(), dependencies: ["EmbedResources"]),
        // app: the command line (a library, so tests can reach it) and its tiny executable.
        .target(
            name: "TunnelscopeCLI",
            dependencies: [
                "TunnelscopeModel", "TunnelscopeImport", "TunnelscopeAnalysis", "TunnelscopeExample", "TunnelscopeText",
                "TunnelscopeCanvas", "TunnelscopeRender", "TunnelscopeTerminal", "TunnelscopeSynthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tunnelscope", dependencies: ["TunnelscopeCLI"]),
        // the libFuzzer target over the import (scripts/fuzz.sh builds it with -sanitize=fuzzer and
        // -DFUZZING into .build-fuzz); in the normal build it replays the files it is given.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "TunnelscopeFuzz", dependencies: ["TunnelscopeImport", "CLibFuzzer"]),
        // test support: the example's variants and the fixture networks, shared by the test targets.
        .target(
            name: "TunnelscopeTestSupport",
            dependencies: ["TunnelscopeAnalysis", "TunnelscopeModel", "TunnelscopeImport", "TunnelscopeExample"],
            path: "Tests/TunnelscopeTestSupport"
        ),
        .testTarget(name: "TunnelscopeModelTests", dependencies: ["TunnelscopeModel"]),
        .testTarget(name: "TunnelscopeTextTests", dependencies: ["TunnelscopeText", "TunnelscopeCanvas"]),
        .testTarget(
            name: "TunnelscopeImportTests",
            dependencies: ["TunnelscopeImport", "TunnelscopeModel", "TunnelscopeExample", "TunnelscopeSynthetic"]
        ),
        .testTarget(
            name: "TunnelscopeAnalysisTests",
            dependencies: [
                "TunnelscopeAnalysis", "TunnelscopeModel", "TunnelscopeImport", "TunnelscopeExample",
                "TunnelscopeTestSupport",
            ]
        ),
        .testTarget(
            name: "TunnelscopeRenderTests",
            dependencies: [
                "TunnelscopeRender", "TunnelscopeCanvas", "TunnelscopeModel", "TunnelscopeAnalysis",
                "TunnelscopeImport", "TunnelscopeExample", "TunnelscopeSynthetic", "TunnelscopeTestSupport",
            ]
        ),
        .testTarget(
            name: "TunnelscopeCLITests",
            dependencies: ["TunnelscopeCLI", "TunnelscopeExample", "tunnelscope", "TunnelscopeTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
