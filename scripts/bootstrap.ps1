<#
.SYNOPSIS
    Prepare a development environment on Windows; safe to run again.
.DESCRIPTION
    Without switches: .venv with AgentDesk, Qt, the server drivers and the dev tools.
    -Core: .venv-core with AgentDesk without Qt, the server drivers, pytest and hypothesis.
    -Force: reinstall the Python packages even if pyproject.toml is unchanged.
    Set $env:PYTHON to choose the interpreter used to create a new environment.
    Qt's runtime ships inside the PySide6 wheel and Windows fonts cover Chinese, so nothing
    besides Python 3.11 or newer has to be installed first.
#>
[CmdletBinding()]
param(
    [switch]$Core,
    [switch]$Force
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
# Exit codes of native commands are checked explicitly (PowerShell 7.3+ could throw instead).
$PSNativeCommandUseErrorActionPreference = $false

$Root = Split-Path -Parent $PSScriptRoot
$Mode = if ($Core) { 'core' } else { 'full' }
$VenvName = if ($Core) { '.venv-core' } else { '.venv' }
$Venv = Join-Path $Root $VenvName
$VenvPython = Join-Path $Venv 'Scripts\python.exe'

function Say([string]$Message) {
    Write-Host "bootstrap: $Message"
}

function Invoke-Checked {
    # Runs a native command and stops on a non-zero exit code.
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "command failed (exit $LASTEXITCODE): $Exe $($Arguments -join ' ')"
    }
}

function Test-Python {
    # True when the command runs Python 3.11 or newer (and the extra code succeeds).
    param([string]$Exe, [string[]]$Arguments = @(), [string]$Code = 'pass')
    $probe = "$Code; import sys; sys.exit(sys.version_info < (3, 11))"
    # Windows PowerShell turns redirected stderr into errors; only the exit code matters here.
    $ErrorActionPreference = 'Continue'
    try {
        & $Exe @Arguments -c $probe *> $null
        return ($LASTEXITCODE -eq 0)
    } catch {
        return $false
    }
}

function Find-Python {
    # Returns @(exe, args...) for the first Python 3.11+ found.
    $candidates = @()
    if ($env:PYTHON) { $candidates += , @($env:PYTHON) }
    $candidates += , @('py', '-3')
    $candidates += , @('python')
    $candidates += , @('python3')
    foreach ($candidate in $candidates) {
        $exe = $candidate[0]
        $arguments = @($candidate | Select-Object -Skip 1)
        if (-not (Get-Command $exe -ErrorAction SilentlyContinue)) { continue }
        if (Test-Python $exe $arguments) { return , $candidate }
    }
    return $null
}

function Initialize-Venv {
    if ((Test-Path $VenvPython) -and (Test-Python -Exe $VenvPython -Code 'import pip')) {
        return
    }
    if (Test-Path $Venv) {
        Say "$VenvName does not work; recreating it"
        Remove-Item -Recurse -Force $Venv
    }
    $python = Find-Python
    if ($null -eq $python) {
        throw 'no Python 3.11 or newer found: install it from python.org (with the py launcher) or set $env:PYTHON'
    }
    $exe = $python[0]
    $arguments = @($python | Select-Object -Skip 1)
    Say "creating $VenvName with $($python -join ' ')"
    Invoke-Checked $exe ($arguments + @('-m', 'venv', $Venv))
}

function Get-Fingerprint {
    # Hash of everything the installed packages depend on, so an unchanged project is skipped.
    $files = @('pyproject.toml')
    if ($Core) { $files += 'scripts\core_requirements.py' }
    $lines = @("mode=$Mode")
    foreach ($file in $files) {
        $lines += (Get-FileHash -Algorithm SHA256 -Path (Join-Path $Root $file)).Hash.ToLowerInvariant()
    }
    return ($lines -join "`n")
}

function Install-Packages {
    $stamp = Join-Path $Venv '.agentdesk-bootstrap'
    $wanted = Get-Fingerprint
    if (-not $Force -and (Test-Path $stamp) -and ((Get-Content -Raw $stamp).Trim() -eq $wanted)) {
        Say "${VenvName}: packages up to date"
        return
    }
    Remove-Item -Force -ErrorAction SilentlyContinue $stamp
    $pip = @('-m', 'pip', '--disable-pip-version-check')
    Invoke-Checked $VenvPython ($pip + @('install', '-q', '--upgrade', 'pip'))
    if ($Core) {
        Say "${VenvName}: installing AgentDesk without Qt"
        $requirements = Join-Path $Venv 'core-requirements.txt'
        $lines = & $VenvPython (Join-Path $Root 'scripts\core_requirements.py') --with-test-tools
        if ($LASTEXITCODE -ne 0) { throw 'scripts\core_requirements.py failed' }
        Set-Content -Path $requirements -Value $lines -Encoding ascii
        Invoke-Checked $VenvPython ($pip + @('install', '-q', '-r', $requirements))
        Invoke-Checked $VenvPython ($pip + @('install', '-q', '--no-deps', '-e', '.'))
    } else {
        Say "${VenvName}: installing AgentDesk with the dev tools"
        Invoke-Checked $VenvPython ($pip + @('install', '-q', '-e', '.[dev]'))
    }
    Set-Content -Path $stamp -Value $wanted -Encoding ascii
}

Push-Location $Root
try {
    Initialize-Venv
    Install-Packages
    if (-not $Core) {
        Invoke-Checked $VenvPython @('scripts\build_resources.py')
    }
    $version = & $VenvPython -c 'import platform; print(platform.python_version())'
    Say "$VenvName ready (Python $version)"
} finally {
    Pop-Location
}
