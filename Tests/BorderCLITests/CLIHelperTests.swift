import Testing

/// The test runner's own guard: a hung process (and its pipeline) is killed at the time limit.
@Suite struct CLIHelperTests {
    @Test func aHungPipelineIsKilledAtTheTimeLimit() throws {
        #expect(throws: CLI.TimedOut.self) { try CLI.bash("sleep 60 | cat", timeLimitSeconds: 1) }
    }
}
