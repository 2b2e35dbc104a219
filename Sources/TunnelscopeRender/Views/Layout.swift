import TunnelscopeCanvas

/// Where everything goes on a screen of a given size: header, breadcrumb, body (list and, when
/// wide enough, a detail pane), message line and footer.
public struct Layout: Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// From this width list screens get a detail pane beside the list.
    public static let detailPaneWidth = 140
    /// From this width the map gets the detail of its selection beside it: the map keeps at
    /// least ~105 columns (four boxes of 22 beside the band labels), the pane a third.
    public static let mapDetailPaneWidth = 160

    public let header: Rect
    public let breadcrumb: Rect
    public let body: Rect
    public let list: Rect
    /// The detail pane beside a list (wide screens), or the side by side's selected tunnel under it (tall ones).
    public let detail: Rect?
    public let message: Rect
    public let footer: Rect
    /// The what-if panel under the body (nil without one).
    public let panel: Rect?
    public let tooSmall: Bool

    /// `bottomPanel`: rows the what-if panel takes from the bottom of the body (0: none).
    public init(width: Int, height: Int, screen: Screen, bottomPanel: Int = 0) {
        let full = Rect(x: 0, y: 0, width: width, height: height)
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let (header, rest) = full.takeTop(1)
        let (breadcrumb, rest2) = rest.takeTop(1)
        let (rest3, footer) = rest2.takeBottom(1)
        let (fullBody, message) = rest3.takeBottom(1)
        let panelRows = min(bottomPanel, max(0, fullBody.height - 4))
        let (body, panel) = fullBody.takeBottom(panelRows)
        self.panel = panelRows > 0 ? panel : nil
        self.header = header
        self.breadcrumb = breadcrumb
        self.body = body
        self.message = message
        self.footer = footer
        var wantsDetail = width >= Self.detailPaneWidth
        if case .detail = screen { wantsDetail = false }
        if screen == .tour || screen == .split || screen == .routes { wantsDetail = false }
        if screen == .topology { wantsDetail = width >= Self.mapDetailPaneWidth }
        if wantsDetail {
            let (list, detail) = body.takeRight(screen == .topology ? max(50, width / 3) : max(50, width * 2 / 5))
            self.list = Rect(x: list.x, y: list.y, width: list.width - 1, height: list.height)
            self.detail = detail
        } else {
            // The side by side's two title rows are not list rows; on a tall screen its lower half
            // shows the selected tunnel.
            if screen == .split {
                let (top, lower) =
                    body.height >= SplitDetail.minimumHeight
                    ? body.takeBottom(min(body.height / 2, 16)) : (body, Rect(x: 0, y: 0, width: 0, height: 0))
                list = top.takeTop(2).1
                detail = lower.height > 0 ? lower : nil
            } else {
                list = body
                detail = nil
            }
        }
    }

    /// The width the map is laid out for on a screen of this size (beside the detail pane when wide).
    public static func mapWidth(_ width: Int, _ height: Int) -> Int {
        Layout(width: width, height: height, screen: .topology).list.width
    }

    /// Rows of the list area (the list draws every row it has room for).
    public var listHeight: Int { max(1, list.height) }
}
