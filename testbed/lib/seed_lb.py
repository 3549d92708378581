#!/usr/bin/python3
"""Seed the demo load balancer "web-lb", idempotently.

web-lb on private-subnet: listener web-http (HTTP :80) -> pool web-pool (ROUND_ROBIN) with members
web-1 and db-1 (their addresses on private-subnet, port 80) and an HTTP health monitor.
Argument: the two member addresses. Credentials: the OS_* variables of the demo user.
One python process instead of ~6 CLI calls with --wait (each ~7-12 s here). Objects are created one after
the other: Octavia's fully populated single-call create leaves the children PENDING_CREATE with the no-op
drivers of this testbed.
"""
import os
import sys
import time

from keystoneauth1 import session
from keystoneauth1.identity import v3

E = os.environ
auth = v3.Password(auth_url=E['OS_AUTH_URL'], username=E['OS_USERNAME'], password=E['OS_PASSWORD'],
                   project_name=E['OS_PROJECT_NAME'], user_domain_name='Default',
                   project_domain_name='Default')
s = session.Session(auth=auth)
LB = {'service_type': 'load-balancer', 'interface': 'public', 'region_name': E['OS_REGION_NAME']}
NET = {'service_type': 'network', 'interface': 'public', 'region_name': E['OS_REGION_NAME']}


def get(path, ep=LB):
    return s.get(path, endpoint_filter=ep).json()


def find(path, key, **filters):
    query = '&'.join('%s=%s' % kv for kv in filters.items())
    items = get('/v2/lbaas/%s?%s' % (path, query))[key]
    return items[0] if items else None


def wait(lb_id, timeout=120):
    for _ in range(timeout * 2):
        st = get('/v2/lbaas/loadbalancers/%s' % lb_id)['loadbalancer']['provisioning_status']
        if st in ('ACTIVE', 'ERROR'):
            return st
        time.sleep(0.5)
    return 'TIMEOUT'


def healthy(lb):
    """The load balancer and everything in its status tree is ACTIVE."""
    def active(node):
        return node.get('provisioning_status') == 'ACTIVE' and all(
            active(child) for key in ('listeners', 'pools', 'members') for child in node.get(key, [])) and (
            not node.get('health_monitor') or node['health_monitor']['provisioning_status'] == 'ACTIVE')
    return active(get('/v2/lbaas/loadbalancers/%s/status' % lb['id'])['statuses']['loadbalancer'])


def create(lb_id, path, key, body):
    """POST one object, then wait until the load balancer has applied it (one change at a time)."""
    made = s.post('/v2/lbaas/%s' % path, json={key: body}, endpoint_filter=LB).json()[key]
    if wait(lb_id) != 'ACTIVE':
        raise SystemExit('web-lb: creating %s %s failed' % (key, body.get('name')))
    return made


def main(addresses):
    lb = find('loadbalancers', 'loadbalancers', name='web-lb')
    if lb and lb['provisioning_status'].startswith('PENDING'):
        wait(lb['id'])
        lb = find('loadbalancers', 'loadbalancers', name='web-lb')
    if lb and lb['provisioning_status'] == 'ACTIVE' and healthy(lb):
        return 0
    if lb:
        print('web-lb is not entirely ACTIVE: recreating', file=sys.stderr)
        s.delete('/v2/lbaas/loadbalancers/%s?cascade=true' % lb['id'], endpoint_filter=LB)
        for _ in range(240):
            if find('loadbalancers', 'loadbalancers', name='web-lb') is None:
                break
            time.sleep(0.5)
    subnet = get('/v2.0/subnets?name=private-subnet', NET)['subnets'][0]['id']
    lb = s.post('/v2/lbaas/loadbalancers', endpoint_filter=LB, json={'loadbalancer': {
        'name': 'web-lb', 'description': 'testbed sample load balancer', 'vip_subnet_id': subnet}}).json()
    lb_id = lb['loadbalancer']['id']
    if wait(lb_id) != 'ACTIVE':
        raise SystemExit('web-lb did not become ACTIVE')
    listener = create(lb_id, 'listeners', 'listener', {'loadbalancer_id': lb_id, 'name': 'web-http',
                                                       'protocol': 'HTTP', 'protocol_port': 80})
    pool = create(lb_id, 'pools', 'pool', {'listener_id': listener['id'], 'name': 'web-pool', 'protocol': 'HTTP',
                                           'lb_algorithm': 'ROUND_ROBIN'})
    for name, addr in zip(('web-1', 'db-1'), addresses):
        create(lb_id, 'pools/%s/members' % pool['id'], 'member', {'name': name, 'address': addr,
                                                                  'protocol_port': 80, 'subnet_id': subnet})
    create(lb_id, 'healthmonitors', 'healthmonitor', {'pool_id': pool['id'], 'name': 'web-hm', 'type': 'HTTP',
                                                      'delay': 10, 'timeout': 5, 'max_retries': 3,
                                                      'url_path': '/', 'expected_codes': '200'})
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:3]))
