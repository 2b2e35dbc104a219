import Testing
import TunnelscopeText

/// POSIX quoting of the arguments of printed command lines.
@Suite struct ShellTests {
    @Test(arguments: [
        ("vpc-0a11aa11aa11aa110", "vpc-0a11aa11aa11aa110"), ("10.0.0.0/16", "10.0.0.0/16"),
        ("AmazonSideAsn=64512,VpnEcmpSupport=enable", "AmazonSideAsn=64512,VpnEcmpSupport=enable"),
        ("user@host:%+_.-", "user@host:%+_.-"),
        ("", "''"), ("Bob's VPN", #"'Bob'\''s VPN'"#), ("x'$(touch PWNED)'", #"'x'\''$(touch PWNED)'\'''"#),
        ("n;touch${IFS}PWNED;", "'n;touch${IFS}PWNED;'"), ("?", "'?'"), ("*", "'*'"), ("<table>", "'<table>'"),
        ("~root", "'~root'"), ("=ls", "'=ls'"), ("a b", "'a b'"), ("`id`", "'`id`'"), ("\\", #"'\'"#),
        ("決済", "'決済'"),
        ("t\u{1B}]0;T\u{7}'x", #"$'t\x1b]0;T\x07\'x'"#), ("a\u{202E}b\\c", #"$'a\xe2\x80\xaeb\\c'"#),
        ("line\nfeed", #"$'line\x0afeed'"#),
    ])
    func quote(word: String, quoted: String) {
        #expect(Shell.quote(word) == quoted)
    }

    @Test func commandQuotesEachWord() {
        #expect(
            Shell.command("gcloud", "compute", "networks", "create", "n;x", "--project", "p")
                == "gcloud compute networks create 'n;x' --project p")
        #expect(
            Shell.command(["aws", "ec2", "delete-route", "--route-table-id", "rtb 1"])
                == "aws ec2 delete-route --route-table-id 'rtb 1'")
    }
}
