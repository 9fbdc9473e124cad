<#
.SYNOPSIS
    The whole check on Windows: lint, types, layer contracts, the full test suite, then the unit
    tests again in an environment without Qt.
.DESCRIPTION
    Extra arguments go to the full pytest run, e.g. .\scripts\test.ps1 -x -k customer
    Exits non-zero if any step fails; every step runs even after a failure.
    The database servers of the integration tests are not started here; start them as Windows
    services beforehand.
#>
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false

$Root = Split-Path -Parent $PSScriptRoot
$PytestArgs = @($args)
$Venv = Join-Path $Root '.venv\Scripts'
$CoreVenv = Join-Path $Root '.venv-core\Scripts'
$env:QT_QPA_PLATFORM = 'offscreen'

$script:Passed = @()
$script:Failed = @()
$Clock = [Diagnostics.Stopwatch]::StartNew()

function Invoke-Step {
    # Runs one check (a script block whose last native command sets $LASTEXITCODE).
    param([string]$Name, [scriptblock]$Check)
    Write-Host ''
    Write-Host "==> $Name"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $status = 0
    try {
        $global:LASTEXITCODE = 0
        & $Check
        $status = $LASTEXITCODE
    } catch {
        Write-Host $_
        $status = 1
    }
    $seconds = [int]$watch.Elapsed.TotalSeconds
    if ($status -eq 0) {
        $script:Passed += $Name
        Write-Host "<== $Name ok (${seconds}s)"
    } else {
        $script:Failed += $Name
        if ($status -eq 5) { Write-Host 'pytest collected no tests' }
        Write-Host "<== $Name FAILED, exit $status (${seconds}s)"
    }
}

Push-Location $Root
try {
    & (Join-Path $PSScriptRoot 'bootstrap.ps1')

    Invoke-Step 'ruff' { & (Join-Path $Venv 'ruff.exe') check . }
    Invoke-Step 'mypy' { & (Join-Path $Venv 'mypy.exe') }
    Invoke-Step 'import-linter' { & (Join-Path $Venv 'lint-imports.exe') }
    # One test process per CPU, at most 4 (the database servers are shared).
    $Workers = [Math]::Max(1, [Math]::Min(4, [Environment]::ProcessorCount))
    Invoke-Step 'pytest' { & (Join-Path $Venv 'python.exe') -m pytest -n $Workers @PytestArgs }

    Invoke-Step 'core-bootstrap' { & (Join-Path $PSScriptRoot 'bootstrap.ps1') -Core }
    if ($script:Failed -contains 'core-bootstrap') {
        $script:Failed += @('core-no-qt', 'core-pytest')
    } else {
        Invoke-Step 'core-no-qt' {
            # The import must fail; Windows PowerShell would turn its redirected stderr into errors.
            $ErrorActionPreference = 'Continue'
            $corePython = Join-Path $CoreVenv 'python.exe'
            & $corePython -c 'import PySide6' *> $null
            if ($LASTEXITCODE -eq 0) {
                throw 'PySide6 is importable in .venv-core; the layer proof needs an environment without Qt'
            }
            & $corePython -c 'import importlib.util as u, sys; p = [m for m in (''shiboken6'', ''pyqtgraph'', ''pytestqt'') if u.find_spec(m)]; sys.exit(''installed in .venv-core but must not be: '' + '', ''.join(p) if p else 0)'
            if ($LASTEXITCODE -eq 0) { Write-Host 'core environment has no Qt: ok' }
        }
        Invoke-Step 'core-pytest' {
            # pyproject.toml configures pytest-qt under --strict-config; scripts\pytest_noqt.py
            # declares those keys as inert where neither Qt nor pytest-qt is installed.
            $saved = $env:PYTHONPATH
            $env:PYTHONPATH = if ($saved) { "$PSScriptRoot;$saved" } else { $PSScriptRoot }
            try {
                & (Join-Path $CoreVenv 'python.exe') -m pytest -p pytest_noqt -n $Workers tests/unit
            } finally {
                $env:PYTHONPATH = $saved
            }
        }
    }
} finally {
    Pop-Location
}

Write-Host ''
$total = [int]$Clock.Elapsed.TotalSeconds
if ($script:Failed.Count -gt 0) {
    $ok = if ($script:Passed.Count -gt 0) { $script:Passed -join ' ' } else { 'none' }
    Write-Host "test.ps1: FAILED: $($script:Failed -join ' ') (ok: $ok) in ${total}s"
    exit 1
}
Write-Host "test.ps1: all checks ok: $($script:Passed -join ' ') in ${total}s"
