import Testing

@testable import TunnelscopeModel

@Suite struct ConcurrentlyTests {
    @Test func twoJobsRunAndAnswerInOrder() {
        let (a, b) = Concurrently.run({ (0..<1000).reduce(0, +) }, { "second" })
        #expect(a == 499_500 && b == "second")
    }
}
