import type { FindingSeverity } from './model.js';

/** A published vulnerability in a distribution package, as basic scanning reports it. */
export interface KnownVulnerability {
  name: string;
  severity: FindingSeverity;
  packageName: string;
  packageVersion: string;
  description: string;
  /** Debian packages link to Debian's tracker, Alpine's (busybox) to NVD, as basic scans do. */
  tracker: 'debian' | 'nvd';
}

/**
 * Real CVEs in the packages container base images carry (openssl, glibc, zlib, curl, busybox…),
 * with the severities scanners gave them. UNDEFINED is what basic scanning reports while a
 * distribution has not rated a CVE yet. One line per CVE, a table Prettier leaves alone.
 */
// prettier-ignore
export const KNOWN_VULNERABILITIES: readonly KnownVulnerability[] = [
  // CRITICAL
  v('CVE-2022-37434', 'CRITICAL', 'zlib1g', '1:1.2.11.dfsg-2+deb11u1', 'zlib through 1.2.12 has a heap-based buffer over-read or buffer overflow in inflate in inflate.c via a large gzip header extra field.'),
  v('CVE-2023-38545', 'CRITICAL', 'libcurl4', '7.74.0-1.3+deb11u7', 'This flaw makes curl overflow a heap based buffer in the SOCKS5 proxy handshake.'),
  v('CVE-2024-5535', 'CRITICAL', 'openssl', '1.1.1n-0+deb11u5', 'Calling the OpenSSL API function SSL_select_next_proto with an empty supported client protocols buffer may cause a crash or memory contents to be sent to the peer.'),
  v('CVE-2022-40674', 'CRITICAL', 'libexpat1', '2.2.10-2+deb11u3', 'libexpat before 2.4.9 has a use-after-free in the doContent function in xmlparse.c.'),
  v('CVE-2023-45853', 'CRITICAL', 'zlib1g', '1:1.2.13.dfsg-1', 'MiniZip in zlib through 1.3 has an integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_64 via a long filename, comment, or extra field.'),
  v('CVE-2022-48174', 'CRITICAL', 'busybox', '1.35.0-r17', 'There is a stack overflow vulnerability in ash.c:6030 in busybox before 1.35.', 'nvd'),
  // HIGH
  v('CVE-2023-4911', 'HIGH', 'libc6', '2.31-13+deb11u6', "A buffer overflow was discovered in the GNU C Library's dynamic loader ld.so while processing the GLIBC_TUNABLES environment variable."),
  v('CVE-2024-2961', 'HIGH', 'libc6', '2.36-9+deb12u4', 'The iconv() function in the GNU C Library versions 2.39 and older may overflow the output buffer passed to it by up to 4 bytes when converting strings to the ISO-2022-CN-EXT character set.'),
  v('CVE-2023-6246', 'HIGH', 'libc6', '2.36-9+deb12u3', 'A heap-based buffer overflow was found in the __vsyslog_internal function of the glibc library.'),
  v('CVE-2023-0286', 'HIGH', 'openssl', '1.1.1n-0+deb11u3', 'There is a type confusion vulnerability relating to X.400 address processing inside an X.509 GeneralName.'),
  v('CVE-2018-25032', 'HIGH', 'zlib1g', '1:1.2.11.dfsg-2', 'zlib before 1.2.12 allows memory corruption when deflating (i.e., when compressing) if the input has many distant matches.'),
  v('CVE-2022-28391', 'HIGH', 'busybox', '1.35.0-r13', "BusyBox through 1.35.0 allows remote attackers to execute arbitrary code if netstat is used to print a DNS PTR record's value to a VT compatible terminal.", 'nvd'),
  v('CVE-2023-29491', 'HIGH', 'libncursesw6', '6.2+20201114-2+deb11u1', 'ncurses before 6.4 20230408, when used by a setuid application, allows local users to trigger security-relevant memory corruption via malformed data in a terminfo database file.'),
  v('CVE-2024-25062', 'HIGH', 'libxml2', '2.9.14+dfsg-1.3~deb12u1', 'When using the XML Reader interface with DTD validation and XInclude expansion enabled, processing crafted XML documents can lead to an xmlValidatePopElement use-after-free.'),
  v('CVE-2023-31484', 'HIGH', 'perl-base', '5.32.1-4+deb11u2', 'CPAN.pm before 2.35 does not verify TLS certificates when downloading distributions over HTTPS.'),
  v('CVE-2022-35737', 'HIGH', 'libsqlite3-0', '3.34.1-3', 'SQLite before 3.39.2 sometimes allows an array-bounds overflow if billions of bytes are used in a string argument to a C API.'),
  // MEDIUM
  v('CVE-2023-5678', 'MEDIUM', 'openssl', '3.0.11-1~deb12u2', 'Generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys or parameters may be very slow.'),
  v('CVE-2024-0727', 'MEDIUM', 'openssl', '3.0.11-1~deb12u2', 'Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash leading to a potential Denial of Service attack.'),
  v('CVE-2023-46218', 'MEDIUM', 'libcurl4', '7.88.1-10+deb12u4', 'This flaw allows a malicious HTTP server to set "super cookies" in curl that are then passed back to more origins than what is otherwise allowed or possible.'),
  v('CVE-2024-2398', 'MEDIUM', 'libcurl4', '7.88.1-10+deb12u5', 'When an application tells libcurl it wants to allow HTTP/2 server push, and the amount of received headers for the push request exceeds the maximum allowed limit (1000), libcurl aborts the server push without freeing all the previously allocated headers.'),
  v('CVE-2024-7264', 'MEDIUM', 'libcurl4', '7.88.1-10+deb12u6', "libcurl's ASN1 parser code has the GTime2str() function, used for parsing an ASN.1 Generalized Time field; a syntactically incorrect field can make it crash."),
  v('CVE-2023-42363', 'MEDIUM', 'busybox', '1.36.1-r2', 'A use-after-free vulnerability was discovered in xasprintf function in xfuncs_printf.c:344 in BusyBox v.1.36.1.', 'nvd'),
  v('CVE-2023-42366', 'MEDIUM', 'busybox', '1.36.1-r2', 'A heap-buffer-overflow was discovered in BusyBox v.1.36.1 in the next_token function at awk.c:1159.', 'nvd'),
  v('CVE-2022-48303', 'MEDIUM', 'tar', '1.34+dfsg-1', 'GNU Tar through 1.34 has a one-byte out-of-bounds read that results in use of uninitialized memory for a conditional jump.'),
  v('CVE-2023-50495', 'MEDIUM', 'libtinfo6', '6.4-4', 'NCurse v6.4-20230418 was discovered to contain a segmentation fault via the component _nc_wrap_entry().'),
  v('CVE-2023-48795', 'MEDIUM', 'openssh-client', '1:9.2p1-2+deb12u1', 'The SSH transport protocol with certain OpenSSH extensions allows remote attackers to bypass integrity checks such that some packets are omitted from the extension negotiation message (Terrapin).'),
  // LOW
  v('CVE-2023-38546', 'LOW', 'libcurl4', '7.74.0-1.3+deb11u7', 'This flaw allows an attacker to insert cookies at will into a running program using libcurl, if the specific series of conditions are met.'),
  v('CVE-2024-2511', 'LOW', 'openssl', '3.0.11-1~deb12u2', 'Some non-default TLS server configurations can cause unbounded memory growth when processing TLSv1.3 sessions.'),
  v('CVE-2023-29383', 'LOW', 'passwd', '1:4.13+dfsg1-1', 'In Shadow 4.13, it is possible to inject control characters into fields provided to the SUID program chfn (change finger).'),
  v('CVE-2022-0563', 'LOW', 'util-linux', '2.38.1-5+b1', 'A flaw was found in the util-linux chfn and chsh utilities when compiled with Readline support.'),
  v('CVE-2023-4039', 'LOW', 'libgcc-s1', '12.2.0-14', 'A failure in the -fstack-protector feature in GCC-based toolchains that target AArch64 allows an attacker to exploit an existing buffer overflow in dynamically-sized local variables.'),
  v('CVE-2022-27943', 'LOW', 'libstdc++6', '12.2.0-14', 'libiberty/rust-demangle.c in GNU GCC 11.2 allows stack consumption in demangle_const, as demonstrated by nm-new.'),
  // INFORMATIONAL
  v('CVE-2016-2781', 'INFORMATIONAL', 'coreutils', '9.1-1', 'chroot in GNU coreutils, when used with --userspec, allows local users to escape to the parent session via a crafted TIOCSTI ioctl call.'),
  v('CVE-2007-5686', 'INFORMATIONAL', 'login', '1:4.13+dfsg1-1', 'initscripts in rPath Linux 1 sets insecure permissions for the /var/log/btmp file.'),
  v('CVE-2010-4756', 'INFORMATIONAL', 'libc6', '2.36-9+deb12u4', 'The glob implementation in the GNU C Library allows remote authenticated users to cause a denial of service (CPU and memory consumption) via crafted glob expressions.'),
  v('CVE-2019-1010022', 'INFORMATIONAL', 'libc6', '2.36-9+deb12u4', 'GNU Libc current is affected by: Mitigation bypass. The impact is: Attacker may bypass stack guard protection.'),
  v('CVE-2018-6829', 'INFORMATIONAL', 'libgcrypt20', '1.10.1-3', 'cipher/elgamal.c in Libgcrypt through 1.8.2, when used to encrypt messages directly, improperly encodes plaintexts, which allows attackers to obtain sensitive information.'),
  // UNDEFINED
  v('CVE-2024-26458', 'UNDEFINED', 'libkrb5-3', '1.20.1-2+deb12u1', 'Kerberos 5 (aka krb5) 1.21.2 contains a memory leak in /krb5/src/lib/rpc/pmap_rmt.c.'),
  v('CVE-2024-26461', 'UNDEFINED', 'libkrb5-3', '1.20.1-2+deb12u1', 'Kerberos 5 (aka krb5) 1.21.2 contains a memory leak vulnerability in /krb5/src/lib/gssapi/krb5/k5sealv3.c.'),
  v('CVE-2023-7008', 'UNDEFINED', 'libsystemd0', '252.22-1~deb12u1', 'systemd-resolved may accept records of DNSSEC-unsigned domains even when the domain is signed, allowing man-in-the-middle attackers to control the records.'),
];

function v(
  name: string,
  severity: FindingSeverity,
  packageName: string,
  packageVersion: string,
  description: string,
  tracker: 'debian' | 'nvd' = 'debian',
): KnownVulnerability {
  return { name, severity, packageName, packageVersion, description, tracker };
}
