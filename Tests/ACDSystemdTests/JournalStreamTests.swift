@testable import ACDSystemd
import Testing

@Suite struct JournalStreamTests {
    @Test func theDeviceAndInodeOfStderr() {
        #expect(JournalStream.matches("8:123456", device: 8, inode: 123_456))
    }

    @Test(arguments: ["8:123457", "9:123456", "8", "8:123456:1", "", ":", "x:y", "-8:123456", " 8:123456"])
    func anythingElseIsNotTheJournal(value: String) {
        #expect(!JournalStream.matches(value, device: 8, inode: 123_456))
    }
}
