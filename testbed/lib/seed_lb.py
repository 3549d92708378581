#!/usr/bin/python3
"""Seed the demo load balancer "web-lb" in one Octavia call (a fully populated create), idempotently.

web-lb on private-subnet: listener web-http (HTTP :80) -> pool web-pool (ROUND_ROBIN) with members
web-1 and db-1 (their addresses on private-subnet, port 80) and an HTTP health monitor.
Argument: the two member addresses. Credentials: the OS_* variables of the demo user.
One python process instead of ~10 CLI calls with --wait (each ~7-12 s here).
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


def find_lb():
    lbs = get('/v2/lbaas/loadbalancers?name=web-lb')['loadbalancers']
    return lbs[0] if lbs else None


def wait(lb_id, timeout=120):
    for _ in range(timeout * 2):
        st = get('/v2/lbaas/loadbalancers/%s' % lb_id)['loadbalancer']['provisioning_status']
        if st in ('ACTIVE', 'ERROR'):
            return st
        time.sleep(0.5)
    return 'TIMEOUT'


def main(addresses):
    lb = find_lb()
    if lb and lb['provisioning_status'] == 'ACTIVE':
        return 0
    if lb:
        if lb['provisioning_status'].startswith('PENDING'):
            if wait(lb['id']) == 'ACTIVE':
                return 0
        print('web-lb is %s: recreating' % lb['provisioning_status'], file=sys.stderr)
        s.delete('/v2/lbaas/loadbalancers/%s?cascade=true' % lb['id'], endpoint_filter=LB)
        for _ in range(240):
            if find_lb() is None:
                break
            time.sleep(0.5)
    subnet = get('/v2.0/subnets?name=private-subnet', NET)['subnets'][0]['id']
    members = [{'name': name, 'address': addr, 'protocol_port': 80, 'subnet_id': subnet}
               for name, addr in zip(('web-1', 'db-1'), addresses)]
    body = {'loadbalancer': {
        'name': 'web-lb', 'description': 'testbed sample load balancer', 'vip_subnet_id': subnet,
        'listeners': [{
            'name': 'web-http', 'protocol': 'HTTP', 'protocol_port': 80,
            'default_pool': {
                'name': 'web-pool', 'protocol': 'HTTP', 'lb_algorithm': 'ROUND_ROBIN', 'members': members,
                'healthmonitor': {'name': 'web-hm', 'type': 'HTTP', 'delay': 10, 'timeout': 5,
                                  'max_retries': 3, 'url_path': '/', 'expected_codes': '200'}}}]}}
    lb = s.post('/v2/lbaas/loadbalancers', json=body, endpoint_filter=LB).json()['loadbalancer']
    st = wait(lb['id'])
    if st != 'ACTIVE':
        print('web-lb: %s' % st, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:3]))
