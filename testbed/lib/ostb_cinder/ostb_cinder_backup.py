#!/usr/bin/python3
"""cinder-backup entry point for the testbed.

Debian's cinder-backup package is not installed; the service code comes from
python3-cinder. Before every backup and restore the backup manager collects the
host's storage initiator properties through os-brick, which on this host (no
DMI table, no dmidecode, no iSCSI/NVMe stack) fails with FileNotFoundError.
The testbed's fake volume driver hands out `local` file devices and ignores
the connector, so the properties are reduced to what identifies the host.
"""
import platform
import sys

from cinder.cmd import backup  # first: cinder.cmd applies eventlet monkey patching

from oslo_config import cfg

from cinder.volume import volume_utils


def _connector_properties(multipath=False, enforce_multipath=False):
    return {'platform': platform.machine(), 'os_type': sys.platform, 'ip': cfg.CONF.my_ip,
            'host': cfg.CONF.host, 'multipath': multipath, 'enforce_multipath': enforce_multipath}


volume_utils.brick_get_connector_properties = _connector_properties
sys.argv[0] = 'cinder-backup'
sys.exit(backup.main())
