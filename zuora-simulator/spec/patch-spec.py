# Makes src/main/resources/zuora-billing-v1-subset.yaml from the shared reference copy (see README, "The API document").
# usage (from zuora-simulator/): python3 spec/patch-spec.py /work/shared/reference/zuora-billing-v1-subset.yaml src/main/resources/zuora-billing-v1-subset.yaml
import re,sys
src=sys.argv[1] if len(sys.argv)>1 else '../shared/reference/zuora-billing-v1-subset.yaml'
out=sys.argv[2] if len(sys.argv)>2 else 'src/main/resources/zuora-billing-v1-subset.yaml'
lines=open(src).read().split('\n')
res=[];i=0;n_desc=0;n_ref=0
resp_ind=None
for ln in lines:
    s=ln.lstrip(' '); ind=len(ln)-len(s)
    if resp_ind is not None and s and ind<=resp_ind: resp_ind=None
    m=re.match(r"\$ref: \./(actiontype|recurringCalculatedPricingOverride)\.yaml$",s)
    if m:
        # the external file is not part of the subset: keep the property, loosely typed
        res.append(' '*ind+('type: string' if m.group(1)=='actiontype' else 'type: object'))
        n_ref+=1
        continue
    res.append(ln)
    if resp_ind is not None and ind==resp_ind+2 and re.match(r"^('?[0-9X]{3}'?|default):\s*$",s):
        res.append(' '*(ind+2)+"description: ''"); n_desc+=1
    if s=='responses:': resp_ind=ind
# duplicate 'type: string' after replaced ref
txt='\n'.join(res)
txt=txt.replace("            type: string\n            type: string\n","            type: string\n")
open(out,'w').write(txt)
print(n_desc,n_ref)
# --- discriminator fixes for swagger-request-validator ---
import yaml
t=open(out).read()
t=t.replace("          AdyenGooglePay: '#/components/schemas/CreatePaymentMethodGooglePayAdyen'\n","")
d=yaml.safe_load(t);S=d['components']['schemas']
L=t.split('\n')
def insert_after_allof_item(schema,idx,prop):
    start=L.index('    '+schema+':')
    j=start+1; count=-1
    while L[j]!='      allOf:': j+=1
    j+=1
    while True:
        ln=L[j]
        if ln.startswith('      - '):
            count+=1
            if count==idx:
                rest=ln[len('      - '):]
                L[j]='      - required:'; L.insert(j+1,'        - '+prop); L.insert(j+2,'        '+rest); return
        if ln.startswith('    ') and not ln.startswith('     '): raise Exception('not found '+schema)
        j+=1
n_disc=0
for n,s in list(S.items()):
    if 'discriminator' in s:
        pn=s['discriminator']['propertyName']
        for r in s.get('oneOf',[]):
            tn=r['$ref'].split('/')[-1]; x=S[tn]
            for i,a in enumerate(x.get('allOf',[])):
                if pn in a.get('properties',{}) and pn not in a.get('required',[]):
                    insert_after_allof_item(tn,i,pn); n_disc+=1
open(out,'w').write('\n'.join(L))
print('discriminator required added',n_disc)
# --- billing-documents: accountId/accountNumber are Zuora ids (32 hex) and account numbers, not UUIDs ---
t=open(out).read()
for name in ('accountId','accountNumber'):
    old="""      - in: query
        name: %s
        required: false
        schema:
          format: uuid
          type: string""" % name
    assert t.count(old)==1, name
    t=t.replace(old, """      - in: query
        name: %s
        required: false
        schema:
          type: string""" % name)
open(out,'w').write(t)
print('billing-documents uuid formats dropped')
# --- response schemas that no real answer can meet ---
t=open(out).read()
old="""    GETBillingDocumentsResponseType:
      properties:
        accountId:
          format: uuid
          type: string"""
assert t.count(old)==1
t=t.replace(old,"""    GETBillingDocumentsResponseType:
      properties:
        accountId:
          type: string""")
old="""    CustomAccountPaymentMethod:
      additionalProperties:
        title: Custom Payment Method
        type: object
"""
assert t.count(old)==1
t=t.replace(old,"""    CustomAccountPaymentMethod:
      additionalProperties: true
""")
open(out,'w').write(t)
print('response schema fixes applied')
# --- oneOf with a discriminator: the validator checks the oneOf as well, and the PayPal variants (same required
#     fields) all match; pin each variant's discriminator value so exactly one matches, as the mapping says ---
t=open(out).read()
d=yaml.safe_load(t)
mapping=d['components']['schemas']['POSTPaymentMethodRequest']['discriminator']['mapping']
n_enum=0
for value,ref in mapping.items():
    name=ref.split('/')[-1]
    start=t.index('\n    '+name+':\n')
    end=t.index('\n    ',start+len(name)+7)  # next schema at 4-space indentation
    while t[end+5]==' ': end=t.index('\n    ',end+1)
    block=t[start:end]
    old='          type:\n            type: string\n'
    assert block.count(old)>=1, name
    block=block.replace(old,'          type:\n            type: string\n            enum:\n            - '+value+'\n',1)
    t=t[:start]+block+t[end:]
    n_enum+=1
open(out,'w').write(t)
print('discriminator values pinned',n_enum)
# --- DataAccessControlField (an allOf part of an order's newAccount / newSubscriptionOwnerAccount) says every
#     property is a string; as an allOf sibling that applies to billToContact, billCycleDay... so no real
#     newAccount could pass ---
t=open(out).read()
old="""    DataAccessControlField:
      additionalProperties:
        type: string
"""
assert t.count(old)==1
t=t.replace(old,"""    DataAccessControlField:
      additionalProperties: true
""")
open(out,'w').write(t)
print('DataAccessControlField opened')
# --- operations the subset lacks, added in Zuora's published shapes (compact v1 spec / developer.zuora.com):
#     GET_InvoiceItems (GET /v1/invoices/{invoiceKey}/items), POST_CreateBillRun (POST /v1/bill-runs) and
#     GET_BillRun (GET /v1/bill-runs/{billRunId}), with the schemas they use ---
t=open(out).read()
HEADERS="""      - $ref: '#/components/parameters/GLOBAL_HEADER_Accept_Encoding'
      - $ref: '#/components/parameters/GLOBAL_HEADER_Content_Encoding'
      - $ref: '#/components/parameters/GLOBAL_HEADER_Zuora_Track_Id'
      - $ref: '#/components/parameters/GLOBAL_HEADER_Zuora_Entity_Ids_Single'
      - $ref: '#/components/parameters/GLOBAL_HEADER_Zuora_Org_Ids'
      - $ref: '#/components/parameters/GLOBAL_HEADER_Zuora_Version'
"""
def ok(schema):
    return """      responses:
        '200':
          description: ''
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/%s'
        '401':
          description: ''
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/CommonResponse'
        '404':
          description: ''
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/CommonResponse'
""" % schema
paths="""  /v1/invoices/{invoiceKey}/items:
    get:
      operationId: GET_InvoiceItems
      parameters:
"""+HEADERS+"""      - $ref: '#/components/parameters/GLOBAL_REQUEST_pageSize'
      - $ref: '#/components/parameters/GLOBAL_REQUEST_page'
      - in: path
        name: invoiceKey
        required: true
        schema:
          type: string
"""+ok('GETInvoiceItemsResponse')+"""  /v1/bill-runs:
    post:
      operationId: POST_CreateBillRun
      parameters:
      - $ref: '#/components/parameters/GLOBAL_HEADER_Idempotency_Key'
"""+HEADERS+"""      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/POSTCreateBillRunRequestType'
"""+ok('GetBillRunResponseType')+"""  /v1/bill-runs/{billRunId}:
    get:
      operationId: GET_BillRun
      parameters:
"""+HEADERS+"""      - in: path
        name: billRunId
        required: true
        schema:
          type: string
"""+ok('GetBillRunResponseType')
assert t.count('\n  /v1/invoices/{invoiceKey}:\n')==1
t=t.replace('\n  /v1/invoices/{invoiceKey}:\n','\n'+paths+'  /v1/invoices/{invoiceKey}:\n')
schemas="""    GETInvoiceItemsResponse:
      type: object
      properties:
        invoiceItems:
          type: array
          items:
            $ref: '#/components/schemas/InvoiceItem'
        nextPage:
          type: string
        success:
          type: boolean
    InvoiceItem:
      type: object
      properties:
        id:
          type: string
        appliedToItemId:
          type: string
        availableToCreditAmount:
          type: number
        balance:
          type: number
        chargeAmount:
          type: number
        chargeDate:
          type: string
        chargeDescription:
          type: string
        chargeId:
          type: string
        chargeName:
          type: string
        chargeType:
          type: string
          enum:
          - OneTime
          - Recurring
          - Usage
        description:
          type: string
        processingType:
          type: string
          enum:
          - Charge
          - Discount
          - Prepayment
          - Tax
          - Rounding
        productName:
          type: string
        productRatePlanChargeId:
          type: string
        purchaseOrderNumber:
          type: string
        quantity:
          type: number
        serviceEndDate:
          type: string
          format: date
        serviceStartDate:
          type: string
          format: date
        sku:
          type: string
        sourceItemType:
          type: string
          enum:
          - SubscriptionComponent
          - Rounding
          - ProductRatePlanCharge
          - None
          - OrderLineItem
        subscriptionId:
          type: string
        subscriptionName:
          type: string
        taxAmount:
          type: number
        taxCode:
          type: string
        taxMode:
          type: string
        taxationItems:
          type: object
          properties:
            data:
              type: array
              items:
                $ref: '#/components/schemas/GETInvoiceTaxItemType'
            nextPage:
              type: string
        unitOfMeasure:
          type: string
        unitPrice:
          type: number
    GETInvoiceTaxItemType:
      type: object
      properties:
        availableToCreditAmount:
          type: number
        applicableTaxUnRounded:
          type: number
        country:
          type: string
        balance:
          type: number
        creditAmount:
          type: number
        exemptAmount:
          type: number
        id:
          type: string
        jurisdiction:
          type: string
        locationCode:
          type: string
        name:
          type: string
        paymentAmount:
          type: number
        taxAmount:
          type: number
        taxCode:
          type: string
        taxCodeDescription:
          type: string
        taxDate:
          type: string
          format: date
        taxRate:
          type: number
        taxRateDescription:
          type: string
        taxRateType:
          type: string
          enum:
          - Percentage
          - FlatFee
    POSTCreateBillRunRequestType:
      type: object
      properties:
        autoEmail:
          type: boolean
          default: false
        autoPost:
          type: boolean
          default: false
        autoRenewal:
          type: boolean
          default: false
        batches:
          type: array
          items:
            type: string
        billCycleDay:
          type: string
        billRunFilters:
          type: array
          items:
            type: object
            required:
            - accountId
            - filterType
            properties:
              accountId:
                type: string
              filterType:
                type: string
                enum:
                - Account
                - Subscription
                - FilterCondition
              subscriptionId:
                type: string
        billRunType:
          type: string
        chargeTypeToExclude:
          type: array
          items:
            type: string
            enum:
            - OneTime
            - Recurring
            - Usage
        includeOrderLineItems:
          type: boolean
        includeSubscriptions:
          type: boolean
        invoiceDate:
          type: string
          format: date
        name:
          type: string
        noEmailForZeroAmountInvoice:
          type: boolean
        schedule:
          type: object
        targetDate:
          type: string
          format: date
    GetBillRunResponseType:
      type: object
      properties:
        autoEmail:
          type: boolean
        autoPost:
          type: boolean
        autoRenewal:
          type: boolean
        batches:
          type: array
          items:
            type: string
        billCycleDay:
          type: string
        billRunFilters:
          type: array
          items:
            type: object
        billRunNumber:
          type: string
        chargeTypeToExclude:
          type: array
          items:
            type: string
        createdById:
          type: string
        createdDate:
          type: string
        id:
          type: string
        invoiceDate:
          type: string
          format: date
        name:
          type: string
        noEmailForZeroAmountInvoice:
          type: boolean
        status:
          type: string
          enum:
          - Pending
          - Processing
          - Completed
          - Error
          - Canceled
          - Posted
          - PostInProgress
          - CancelInProgress
          - RemoveInProgress
          - Paused
        success:
          type: boolean
        targetDate:
          type: string
          format: date
        updatedById:
          type: string
        updatedDate:
          type: string
"""
assert t.count('\n  schemas:\n')==1
t=t.replace('\n  schemas:\n','\n  schemas:\n'+schemas,1)
open(out,'w').write(t)
print('invoice items and bill runs added')
# --- 10. DELETE_Order (DELETE /v1/orders/{orderNumber}), which the subset lacks: how a future-dated change
#     booked by an order is withdrawn (the subscriptions the order changed roll back to their previous version;
#     refused when the order's charges are invoiced). Zuora answers CommonResponse ---
t=open(out).read()
delete_order="""  /v1/orders/{orderNumber}:
    delete:
      operationId: DELETE_Order
      parameters:
"""+HEADERS+"""      - in: path
        name: orderNumber
        required: true
        schema:
          type: string
"""+ok('CommonResponse')
assert t.count('\n  /v1/orders/preview:\n')==1
t=t.replace('\n  /v1/orders/preview:\n','\n'+delete_order+'  /v1/orders/preview:\n',1)
open(out,'w').write(t)
print('DELETE_Order added')
