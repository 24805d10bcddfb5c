-- Neovim's built-in LSP client against the Report Review server, headless. Opens the file given
-- on the command line, waits for the server's diagnostics, records them, replaces one line,
-- waits for the diagnostics of the edited text and writes both lists as JSON.
-- Positions are converted back from Neovim's byte columns to UTF-16, as the server sent them.
-- env: RR_SERVER (bin/report-review-lsp.js), RR_OUT (JSON file to write),
--      RR_EDIT_LINE (1-based) and RR_EDIT_TEXT (its new text)
local bufnr = vim.api.nvim_get_current_buf()
local result = { open = vim.NIL, edited = vim.NIL, log = {} }
local function log(s) table.insert(result.log, s) end
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('RR_OUT'))
  vim.cmd('qall!')
end

local published, last_version = 0, nil
local client_id = vim.lsp.start_client({
  name = 'report-review',
  cmd = { 'node', os.getenv('RR_SERVER'), '--stdio' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      published, last_version = published + 1, params.version
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
  on_exit = function(code, signal) log(('server exited: code %s, signal %s'):format(code, signal)) end,
})
if not client_id then log('could not start the client'); return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)

-- Waits for diagnostics published after `before` publications for the buffer's current version.
local function wait(before)
  return vim.wait(20000, function()
    local version = vim.lsp.util.buf_versions[bufnr]
    return published > before and (last_version == nil or last_version == version)
  end, 20)
end

local function utf16(lnum, col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
  local _, units = vim.str_utfindex(line, math.min(col, #line))
  return units
end

local function shown()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      code = d.code, severity = d.severity, source = d.source, message = d.message,
      range = { d.lnum, utf16(d.lnum, d.col), d.end_lnum, utf16(d.end_lnum, d.end_col) },
    })
  end
  return list
end

if wait(0) then result.open = shown() else log('no diagnostics after opening') end
local line = tonumber(os.getenv('RR_EDIT_LINE'))
local count = published
vim.api.nvim_buf_set_lines(bufnr, line - 1, line, false, { os.getenv('RR_EDIT_TEXT') })
if wait(count) then result.edited = shown() else log('no diagnostics after the edit') end
vim.lsp.stop_client(client_id)
finish()
