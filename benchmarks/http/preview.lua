-- wrk script: POST /subscription/preview with a 3-line demo cart for a French consumer (OSS).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"currency":"EUR","account":{"country":"FR","zip_code":"75001","is_company":false},' ..
  '"suite_products":[{"id":2,"quantity":5,"order_pos":0},{"id":4,"quantity":150,"order_pos":1},' ..
  '{"id":5,"quantity":150,"order_pos":2}]}'

function response(status, headers, body)
  if status ~= 200 then
    error("unexpected status " .. status .. ": " .. body)
  end
end
