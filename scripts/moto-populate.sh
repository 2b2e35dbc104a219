#!/usr/bin/env bash
# Creates a small hybrid-network AWS side in a moto_server (or any EC2 endpoint you point it
# at), with the real aws CLI, so that scripts/export-aws.sh has something to export.
#
# What it creates (the AWS half of DESIGN.md §1, as far as moto can emulate it):
#   - a Transit Gateway, Amazon-side ASN 64512, ECMP over VPN enabled
#   - VPC 10.10.0.0/16 ("app-vpc") with subnets 10.10.1.0/24 and 10.10.2.0/24
#   - a TGW VPC attachment of that VPC (both subnets)
#   - customer gateways 35.242.1.10 and 35.220.2.20 (ASN 65000: the GCP HA VPN interfaces)
#   - two Site-to-Site VPN connections on the TGW, one per customer gateway
#   - VPC 10.20.0.0/16 ("peer-vpc") and a VPC peering from app-vpc to it
#
# On stdout it prints one `name=id` line per created resource (tgw, vpc, subnet1, subnet2,
# tgw_attachment, cgw1, cgw2, vpn1, vpn2, peer_vpc, pcx), for callers that want the IDs.
# Progress and errors go to stderr.
#
# Usage:
#   moto_server -H 127.0.0.1 -p 5055 &
#   AWS_ENDPOINT_URL=http://127.0.0.1:5055 AWS_ACCESS_KEY_ID=testing \
#     AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 scripts/moto-populate.sh
#
# It refuses to run without AWS_ENDPOINT_URL (so it cannot create resources in a real
# account by accident) unless --i-mean-a-real-account is given.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: moto-populate.sh [--region REGION] [--i-mean-a-real-account]

Creates a Transit Gateway, two VPCs, subnets, a TGW VPC attachment, two customer gateways,
two TGW VPN connections and a VPC peering with the aws CLI, against the endpoint in
AWS_ENDPOINT_URL (normally a moto_server). Prints name=id lines on stdout.

  --region REGION            region to create in (default: AWS_REGION, AWS_DEFAULT_REGION,
                             or us-east-1)
  --i-mean-a-real-account    allow running without AWS_ENDPOINT_URL (creates billable resources)
  -h, --help                 show this help
EOF
}

region="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
allow_real=false
while (($# > 0)); do
    case "$1" in
        --region) [[ $# -ge 2 ]] || { echo "moto-populate.sh: --region needs a value" >&2; exit 2; }
                  region="$2"; shift 2 ;;
        --region=*) region="${1#--region=}"; shift ;;
        --i-mean-a-real-account) allow_real=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "moto-populate.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [[ -z "${AWS_ENDPOINT_URL:-}" && $allow_real != true ]]; then
    echo "moto-populate.sh: AWS_ENDPOINT_URL is not set; refusing to create resources in a real account" >&2
    echo "  (start moto_server and export AWS_ENDPOINT_URL=http://127.0.0.1:PORT, or pass --i-mean-a-real-account)" >&2
    exit 2
fi
if ! command -v aws >/dev/null 2>&1; then
    echo "moto-populate.sh: the aws CLI is not on PATH" >&2
    exit 2
fi

export AWS_PAGER=""

# Runs one aws command that prints a single ID (via --query ... --output text) and prints it.
create() {
    local what="$1"; shift
    local id
    if ! id="$(aws "$@" --region "$region" --output text)"; then
        echo "moto-populate.sh: creating $what failed: aws $*" >&2
        exit 1
    fi
    id="${id//[[:space:]]/}"
    if [[ -z "$id" || "$id" == "None" ]]; then
        echo "moto-populate.sh: creating $what printed no ID: aws $*" >&2
        exit 1
    fi
    echo "  created $what $id" >&2
    printf '%s\n' "$id"
}

tags() { # tags RESOURCE-TYPE NAME
    printf 'ResourceType=%s,Tags=[{Key=Name,Value=%s}]' "$1" "$2"
}

echo "moto-populate.sh: creating resources in $region at ${AWS_ENDPOINT_URL:-the real AWS endpoint}" >&2

tgw="$(create "transit gateway" ec2 create-transit-gateway --description hub \
    --options AmazonSideAsn=64512,VpnEcmpSupport=enable,DefaultRouteTableAssociation=enable,DefaultRouteTablePropagation=enable,DnsSupport=enable \
    --tag-specifications "$(tags transit-gateway hub-tgw)" \
    --query TransitGateway.TransitGatewayId)"

vpc="$(create "VPC 10.10.0.0/16" ec2 create-vpc --cidr-block 10.10.0.0/16 \
    --tag-specifications "$(tags vpc app-vpc)" --query Vpc.VpcId)"
subnet1="$(create "subnet 10.10.1.0/24" ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.10.1.0/24 \
    --availability-zone "${region}a" --tag-specifications "$(tags subnet app-a)" --query Subnet.SubnetId)"
subnet2="$(create "subnet 10.10.2.0/24" ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.10.2.0/24 \
    --availability-zone "${region}b" --tag-specifications "$(tags subnet app-b)" --query Subnet.SubnetId)"

attachment="$(create "TGW VPC attachment" ec2 create-transit-gateway-vpc-attachment \
    --transit-gateway-id "$tgw" --vpc-id "$vpc" --subnet-ids "$subnet1" "$subnet2" \
    --tag-specifications "$(tags transit-gateway-attachment app-vpc-attachment)" \
    --query TransitGatewayVpcAttachment.TransitGatewayAttachmentId)"

cgw1="$(create "customer gateway 35.242.1.10" ec2 create-customer-gateway --type ipsec.1 \
    --public-ip 35.242.1.10 --bgp-asn 65000 --tag-specifications "$(tags customer-gateway gcp-ha-if0)" \
    --query CustomerGateway.CustomerGatewayId)"
cgw2="$(create "customer gateway 35.220.2.20" ec2 create-customer-gateway --type ipsec.1 \
    --public-ip 35.220.2.20 --bgp-asn 65000 --tag-specifications "$(tags customer-gateway gcp-ha-if1)" \
    --query CustomerGateway.CustomerGatewayId)"

# The inside CIDRs follow the reference topology (moto accepts and then drops them).
vpn1="$(create "VPN connection to 35.242.1.10" ec2 create-vpn-connection --type ipsec.1 \
    --customer-gateway-id "$cgw1" --transit-gateway-id "$tgw" \
    --options 'TunnelOptions=[{TunnelInsideCidr=169.254.10.0/30},{TunnelInsideCidr=169.254.10.4/30}]' \
    --tag-specifications "$(tags vpn-connection to-gcp-if0)" --query VpnConnection.VpnConnectionId)"
vpn2="$(create "VPN connection to 35.220.2.20" ec2 create-vpn-connection --type ipsec.1 \
    --customer-gateway-id "$cgw2" --transit-gateway-id "$tgw" \
    --options 'TunnelOptions=[{TunnelInsideCidr=169.254.20.0/30},{TunnelInsideCidr=169.254.20.4/30}]' \
    --tag-specifications "$(tags vpn-connection to-gcp-if1)" --query VpnConnection.VpnConnectionId)"

peer_vpc="$(create "VPC 10.20.0.0/16" ec2 create-vpc --cidr-block 10.20.0.0/16 \
    --tag-specifications "$(tags vpc peer-vpc)" --query Vpc.VpcId)"
pcx="$(create "VPC peering" ec2 create-vpc-peering-connection --vpc-id "$vpc" --peer-vpc-id "$peer_vpc" \
    --tag-specifications "$(tags vpc-peering-connection app-to-peer)" \
    --query VpcPeeringConnection.VpcPeeringConnectionId)"

cat <<EOF
tgw=$tgw
vpc=$vpc
subnet1=$subnet1
subnet2=$subnet2
tgw_attachment=$attachment
cgw1=$cgw1
cgw2=$cgw2
vpn1=$vpn1
vpn2=$vpn2
peer_vpc=$peer_vpc
pcx=$pcx
EOF
