@testable import ACDSystemd
import Testing

@Suite struct ActivatedSocketTests {
    typealias Passed = ActivatedSocket.Passed

    @Test func theOnlySocketWhateverItsName() throws {
        let chosen = try ActivatedSocket.choose(from: [Passed(descriptor: 3, name: "unknown")], expectedNames: ActivatedSocket.expectedNames)
        #expect(chosen.descriptor == 3)
    }

    @Test(arguments: ["acdd.socket", "acdd"])
    func amongSeveralTheOneNamedForAcdd(name: String) throws {
        let passed = [Passed(descriptor: 3, name: "metrics"), Passed(descriptor: 4, name: name), Passed(descriptor: 5, name: "admin")]
        #expect(try ActivatedSocket.choose(from: passed, expectedNames: ActivatedSocket.expectedNames).descriptor == 4)
    }

    @Test func severalWithNoneNamedForAcddIsAnError() {
        let passed = [Passed(descriptor: 3, name: "unknown"), Passed(descriptor: 4, name: "unknown")]
        #expect(throws: SystemdError.ambiguousSockets(passed: ["unknown", "unknown"], expected: ["acdd.socket", "acdd"])) {
            try ActivatedSocket.choose(from: passed, expectedNames: ActivatedSocket.expectedNames)
        }
    }

    @Test func twoNamedForAcddIsAnError() {
        let passed = [Passed(descriptor: 3, name: "acdd"), Passed(descriptor: 4, name: "acdd.socket")]
        #expect(throws: SystemdError.self) {
            try ActivatedSocket.choose(from: passed, expectedNames: ActivatedSocket.expectedNames)
        }
    }

    @Test func theErrorSaysWhatToDo() {
        let error = SystemdError.ambiguousSockets(passed: ["a", "b"], expected: ["acdd.socket", "acdd"])
        #expect(error.description == "systemd passed 2 sockets named a, b; expected exactly one named acdd.socket or acdd (FileDescriptorName=)")
    }

    @Test func withoutActivationThereIsNone() throws {
        // The test process was not socket-activated: LISTEN_FDS is not set for it.
        #expect(try ActivatedSocket.fromEnvironment() == nil)
    }
}
