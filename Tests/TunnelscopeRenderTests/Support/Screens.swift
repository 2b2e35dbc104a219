import TunnelscopeCanvas
import TunnelscopeExample
import TunnelscopeModel
import TunnelscopeRender

/// Explorer states for tests, built the way the app builds them (the state builds its analysis).
enum Screens {
    static let example = ExampleNetwork.load()

    static func state(_ result: LoadResult = example, width: Int = 80, height: Int = 24, screen: Screen = .topology)
        -> AppState
    {
        AppState(result: result, width: width, height: height, screen: screen)
    }

    static func apply(_ state: inout AppState, keys: [Key]) {
        for key in keys {
            if let action = Reducer.action(for: key, in: state) { Reducer.reduce(&state, action) }
        }
    }

    static func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

    static func frame(_ state: AppState) -> String { ScreenRenderer.render(state).plainText }
}
