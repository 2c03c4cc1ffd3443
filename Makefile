# acdd: build and install the daemon, acdctl, the systemd units, the system user and the
# configuration where Debian expects them.
#
#   make                      release build (Swift runtime linked in: the binaries need no /opt/swift)
#   make install              as root: install, create the user and directories, reload systemd
#   make install DESTDIR=dir  stage into dir for a package (nothing is run on the system)
#   make install PREFIX=/usr/local   binaries and documentation under /usr/local
#   make uninstall            remove what install put in place, except /etc/acdd and /var/lib/acdd
#   make check-units          verify the units, their security score, sysusers.d and tmpfiles.d

PREFIX ?= /usr
BINDIR ?= $(PREFIX)/bin
DOCDIR ?= $(PREFIX)/share/doc/acdd
SYSCONFDIR ?= /etc
UNITDIR ?= /lib/systemd/system
SYSUSERSDIR ?= /usr/lib/sysusers.d
TMPFILESDIR ?= /usr/lib/tmpfiles.d
SWIFT ?= swift
SCRATCH ?= .build
SWIFTFLAGS ?= -c release --static-swift-stdlib

INSTALL ?= install
RELEASE_DIR = $(shell $(SWIFT) build $(SWIFTFLAGS) --scratch-path $(SCRATCH) --show-bin-path)

.PHONY: all build install uninstall check-units

all: build

build:
	$(SWIFT) build $(SWIFTFLAGS) --scratch-path $(SCRATCH) --product acdd
	$(SWIFT) build $(SWIFTFLAGS) --scratch-path $(SCRATCH) --product acdctl

install: build
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
		$(DESTDIR)$(DOCDIR)/examples
	$(INSTALL) -m 0755 $(RELEASE_DIR)/acdd $(RELEASE_DIR)/acdctl $(DESTDIR)$(BINDIR)/
	sed -e 's|/usr/bin/acdd|$(BINDIR)/acdd|' -e 's|/usr/share/doc/acdd|$(DOCDIR)|' systemd/acdd.service \
		> $(DESTDIR)$(UNITDIR)/acdd.service
	sed -e 's|/usr/share/doc/acdd|$(DOCDIR)|' systemd/acdd.socket > $(DESTDIR)$(UNITDIR)/acdd.socket
	chmod 0644 $(DESTDIR)$(UNITDIR)/acdd.service $(DESTDIR)$(UNITDIR)/acdd.socket
	$(INSTALL) -m 0644 systemd/sysusers.d/acdd.conf $(DESTDIR)$(SYSUSERSDIR)/acdd.conf
	$(INSTALL) -m 0644 systemd/tmpfiles.d/acdd.conf $(DESTDIR)$(TMPFILESDIR)/acdd.conf
	$(INSTALL) -m 0644 README.md docs/protocol.md $(DESTDIR)$(DOCDIR)/
	$(INSTALL) -m 0644 config/acdd.yaml $(DESTDIR)$(DOCDIR)/examples/acdd.yaml
	$(INSTALL) -d -m 0755 $(DESTDIR)$(SYSCONFDIR)/acdd
	@# An operator's configuration is never overwritten.
	if [ -e $(DESTDIR)$(SYSCONFDIR)/acdd/acdd.yaml ]; then \
		echo "keeping $(DESTDIR)$(SYSCONFDIR)/acdd/acdd.yaml"; \
	else \
		$(INSTALL) -m 0644 systemd/acdd.yaml $(DESTDIR)$(SYSCONFDIR)/acdd/acdd.yaml; \
	fi
	@# On the system itself (no DESTDIR): the user, groups and directories, and systemd told.
	if [ -z "$(DESTDIR)" ]; then \
		if command -v systemd-sysusers >/dev/null; then systemd-sysusers $(SYSUSERSDIR)/acdd.conf; fi; \
		if command -v systemd-tmpfiles >/dev/null; then systemd-tmpfiles --create $(TMPFILESDIR)/acdd.conf; fi; \
		if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/acdd $(DESTDIR)$(BINDIR)/acdctl \
		$(DESTDIR)$(UNITDIR)/acdd.service $(DESTDIR)$(UNITDIR)/acdd.socket \
		$(DESTDIR)$(SYSUSERSDIR)/acdd.conf $(DESTDIR)$(TMPFILESDIR)/acdd.conf
	rm -rf $(DESTDIR)$(DOCDIR)
	if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi

check-units:
	bash systemd/check-units
